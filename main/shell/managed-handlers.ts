// The channels a managed desk changes (main/managed/managed-desk.ts): app:info tells the window what IT set
// (ManagedInfo, to lock those fields and badge IT's rooms) and adds IT's notices to the store's; settings:update
// refuses to change a value IT set, naming the field in both languages; IT's profiles are shown locked and refuse a
// rename, a new endpoint or removal, and a switch lays IT's shared rooms into the address book now in use. Every
// other channel is the services' own.
import type { ManagedDesk } from '../managed/managed-desk';
import { refuseLockedSettings } from '../managed/locked-settings';
import { managedFieldError } from '../../common/managed-config';
import type { ProfilesState, ProfileView } from '../../common/profiles';
import { unwrap, validationFailure } from '../ipc/errors';
import type { IpcHandlers } from '../ipc/types';

export function withManagedDesk(handlers: IpcHandlers, desk: ManagedDesk, activeProfile: () => string): IpcHandlers {
  const info = handlers['app:info'];
  const update = handlers['settings:update'];
  const itsOwn = new Set(desk.managedProfileIds());
  const marked = (view: ProfileView): ProfileView => (itsOwn.has(view.id) ? { ...view, managed: true } : view);
  const markedState = (state: ProfilesState): ProfilesState => ({ ...state, profiles: state.profiles.map(marked) });
  const refuseIfIts = (id: string, field: string): void => {
    if (itsOwn.has(id)) throw validationFailure(managedFieldError(field));
  };
  return {
    ...handlers,
    'profiles:list': async (request) => markedState(await handlers['profiles:list'](request)),
    'profiles:add': async (request) => marked(await handlers['profiles:add'](request)),
    'profiles:update': async (request) => {
      refuseIfIts(request.id, request.name !== undefined ? 'name' : 'endpoint');
      return marked(await handlers['profiles:update'](request));
    },
    'profiles:remove': async (request) => {
      refuseIfIts(request.id, 'id');
      return markedState(await handlers['profiles:remove'](request));
    },
    'profiles:switch': async (request) => {
      const result = await handlers['profiles:switch'](request);
      if (result.kind !== 'switched') return result;
      await desk.onProfileSwitched();
      return { ...result, state: markedState(result.state) };
    },
    'app:info': async (request) => {
      const base = await info(request);
      const managed = desk.info(activeProfile());
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
