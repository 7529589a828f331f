// The one gate every IPC request passes: (a) the sender must be the main frame of the app's own page, (b) the
// payload (nothing counts as `{}`) must be plain data within bounds (plain-data.ts), (c) it must
// match the channel's schema in common/ipc-contract.ts, (d) the handler runs, (e) whatever it throws becomes an
// IpcError. The answer is always an IpcResult; nothing ever throws back across IPC.
//
// How requests arrive is injected: the Electron shell registers on ipcMain, tests and the end-to-end harness call
// the dispatcher directly. This file never loads Electron.
import { CHANNELS, IPC_CONTRACT, type Channel } from '../../common/ipc-contract';
import { fieldIpcError, type IpcResult } from '../../common/ipc-error';
import type { FieldError } from '../../common/validation';
import type { Log } from '../log';
import { fieldErrorFromZod } from '../store/field-error';
import { FORBIDDEN, toIpcError } from './errors';
import { plainDataProblem } from './plain-data';
import { checkSender, type SenderInfo } from './sender';
import type { IpcHandlers } from './types';

export type { SenderInfo } from './sender';
export type { IpcHandlers } from './types';

export interface DispatchOptions {
  /** Origins (`scheme://host[:port]`) whose main frame may call; see sender.ts allowedOriginsFor(). */
  readonly allowedOrigins: readonly string[];
  readonly log: Log;
}

/** Handles one request from `sender` on `channel`. Never rejects. */
export type Dispatch = (channel: Channel, sender: SenderInfo, payload: unknown) => Promise<IpcResult<unknown>>;

/** What the shell's ipcMain.handle listener (or a test's Map) is given per channel. */
export type IpcListener<E> = (event: E, payload?: unknown) => Promise<IpcResult<unknown>>;
/** Production: `(channel, listener) => ipcMain.handle(channel, listener)`. */
export type RegisterFn<E> = (channel: Channel, listener: IpcListener<E>) => void;

export interface RegisterOptions<E> extends DispatchOptions {
  /** Production: senderInfoOf (sender.ts) over Electron's IpcMainInvokeEvent. */
  readonly senderOf: (event: E) => SenderInfo;
}

/** The whole request argument is named "request" when it is not an object at all. */
const REQUEST_FIELD = 'request';

export function createDispatcher(handlers: IpcHandlers, options: DispatchOptions): Dispatch {
  const { allowedOrigins, log } = options;
  for (const channel of CHANNELS) {
    if (typeof handlers[channel] !== 'function') throw new TypeError(`no IPC handler for ${channel}`);
  }
  return async (channel, sender, payload) => {
    try {
      const verdict = checkSender(sender, allowedOrigins);
      if (!verdict.ok) {
        // The URL is logged without its query or fragment: support needs the page, not what was typed into it.
        log.warn('ipc: refused a request from outside the app window', {
          channel,
          reason: verdict.reason,
          url: String(sender.url).split(/[?#]/)[0]?.slice(0, 200),
        });
        return { ok: false, error: FORBIDDEN };
      }
      const schema = IPC_CONTRACT[channel]?.request;
      if (!schema) throw new TypeError(`unknown IPC channel ${String(channel)}`);
      const refuse = (problem: FieldError): IpcResult<unknown> => {
        const error = fieldIpcError(problem);
        log.info('ipc: refused a malformed request', { channel, field: error.field });
        return { ok: false, error };
      };
      // invoke(channel) with nothing is a request without fields.
      const request = payload === undefined ? {} : payload;
      const notPlain = plainDataProblem(request, REQUEST_FIELD);
      if (notPlain) return refuse(notPlain);
      // reportInput lets the message tell "wrong type" from "missing"; the input itself never leaves this function.
      const parsed = schema.safeParse(request, { reportInput: true });
      if (!parsed.success) return refuse(fieldErrorFromZod(parsed.error, REQUEST_FIELD));
      const handler = handlers[channel] as (request: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toIpcError(error, log, channel) };
    }
  };
}

/** Registers every channel of the contract through `register`, each going through the dispatcher. */
export function registerHandlers<E>(register: RegisterFn<E>, handlers: IpcHandlers, options: RegisterOptions<E>): void {
  const dispatch = createDispatcher(handlers, options);
  for (const channel of CHANNELS) {
    register(channel, (event, payload) => {
      let sender: SenderInfo;
      try {
        sender = options.senderOf(event);
      } catch {
        sender = { url: '', isMainFrame: false };
      }
      return dispatch(channel, sender, payload);
    });
  }
}
