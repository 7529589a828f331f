// The renderer's only door to the main process. It exposes named functions, never ipcRenderer itself.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('roomDialer', {
  appName: 'Room Dialer',
});
