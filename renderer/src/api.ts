// Thin typed access to window.roomDialer. Every call answers IpcResult; `unwrap` turns a refusal into a thrown
// ApiError carrying the IpcError (message and hint in both languages), so stores can use plain async/await and
// views show `error.message` / `error.hint` in the operator's language.
import type { IpcError, IpcResult } from '../../common/ipc-error';
import type { WindowApi } from '../../common/window-api';

export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message['en-US']);
    this.name = 'ApiError';
  }
}

/** The bridge failed (a bug, or the main process went away): a generic text; details are in main's log. */
const BRIDGE_FAILURE: IpcError = {
  kind: 'internal',
  code: 'bridge',
  message: {
    'zh-CN': '应用内部出错，请求没有完成',
    'en-US': 'The app had an internal problem; the request did not finish',
  },
  hint: { 'zh-CN': '请重试；如果仍然出错，请重启应用', 'en-US': 'Try again; if it keeps failing, restart the app' },
};

/** The window API as the renderer uses it (common/window-api.ts). */
export type RendererApi = WindowApi;

export function api(): RendererApi {
  return window.roomDialer;
}

export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await pending;
  } catch {
    throw new ApiError(BRIDGE_FAILURE);
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** Any thrown value as an IpcError, so a view can always show message and hint. */
export function toIpcError(thrown: unknown): IpcError {
  return thrown instanceof ApiError ? thrown.error : BRIDGE_FAILURE;
}
