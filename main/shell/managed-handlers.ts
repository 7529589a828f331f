// The two channels a managed desk changes (main/managed/managed-desk.ts): app:info tells the window what IT set
// (ManagedInfo, to lock those fields and badge IT's rooms) and adds IT's notices to the store's; settings:update
// refuses to change a value IT set, naming the field in both languages. Every other channel is the services' own.
import type { ManagedDesk } from '../managed/managed-desk';
import { refuseLockedSettings } from '../managed/locked-settings';
import { unwrap } from '../ipc/errors';
import type { IpcHandlers } from '../ipc/types';

export function withManagedDesk(handlers: IpcHandlers, desk: ManagedDesk): IpcHandlers {
  const info = handlers['app:info'];
  const update = handlers['settings:update'];
  return {
    ...handlers,
    'app:info': async (request) => {
      const base = await info(request);
      const managed = desk.info();
      // No file was moved aside for these: the message itself names the file or address concerned.
      const notices = desk.notices().map((notice) => ({ message: notice.message, backupPath: '' }));
      return { ...base, ...(managed ? { managed } : {}), notices: [...base.notices, ...notices] };
    },
    'settings:update': async (patch) => {
      unwrap(refuseLockedSettings(patch, desk.lockedSettings()));
      return update(patch);
    },
  };
}
