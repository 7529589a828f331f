import type { WindowApi } from '../../common/window-api';

declare global {
  interface Window {
    /** The preload's named functions (common/window-api.ts): the renderer's only way to the main process. */
    readonly roomDialer: WindowApi;
  }
}
