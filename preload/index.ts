// The window's only door to the main process: the named functions of common/window-api.ts over ipcRenderer.
// Never exposes ipcRenderer, a generic invoke, or the IPC event object.
import { contextBridge, ipcRenderer } from 'electron';
import { buildWindowApi } from '../common/window-api';

const api = buildWindowApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  // buildWindowApi subscribes only to the events it names (CALL_UPDATE_EVENT, STAGED_DIAL_EVENT).
  (event, listener) => {
    // The listener gets the payload only: the event object would hand the page a way back into ipcRenderer.
    const forward = (_event: Electron.IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
);

contextBridge.exposeInMainWorld('roomDialer', api);
