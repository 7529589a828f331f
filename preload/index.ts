// The window's only door to the main process: the named functions of common/window-api.ts over ipcRenderer.
// Never exposes ipcRenderer, a generic invoke, or the IPC event object.
import { contextBridge, ipcRenderer } from 'electron';
import type { CallView } from '../common/call-model';
import { buildWindowApi, CALL_UPDATE_EVENT } from '../common/window-api';

const api = buildWindowApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (listener) => {
    // The listener gets the call only: the event would hand the page a way back into ipcRenderer.
    const forward = (_event: Electron.IpcRendererEvent, call: CallView) => listener(call);
    ipcRenderer.on(CALL_UPDATE_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(CALL_UPDATE_EVENT, forward);
    };
  },
);

contextBridge.exposeInMainWorld('roomDialer', api);
