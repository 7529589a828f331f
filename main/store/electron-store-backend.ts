// Production wiring: electron-store as the store backend. Only typechecked here (importing electron-store needs a
// running Electron). Pass `cwd: app.getPath('userData')` to openAppStore, which is electron-store's default folder.
import ElectronStore, { type Options } from 'electron-store';
import type { StoreBackendFactory } from './backend';
import type { StoreData } from '../../common/store-schema';

// The derived JSON schema is typed loosely (Record<string, unknown>), electron-store wants its own Schema type.
export const electronStoreBackend: StoreBackendFactory = ({ configName, ...options }) =>
  new ElectronStore<StoreData>({ ...options, name: configName } as unknown as Options<StoreData>);
