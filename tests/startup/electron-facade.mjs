// What `import … from 'electron'` resolves to in the start-up child (electron-hooks.mjs): the stand-in drive.ts put
// on globalThis, with exactly the named exports it implements (MODULE_NAMES in electron-stand-in.ts). An import of
// any other name fails at link time: "does not provide an export named …".
const electron = globalThis[Symbol.for('room-dialer.electron-stand-in')];
if (!electron) throw new Error('electron stand-in: not installed (tests/startup/drive.ts installs it before the app)');

export default electron;
export const { app, BrowserWindow, dialog, ipcMain, Menu, net, Notification, protocol, screen, session, shell, Tray } =
  electron;
