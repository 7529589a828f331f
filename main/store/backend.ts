// The seam between the store service and the library that owns its JSON files. The service never imports
// electron-store (it needs a running Electron): production passes electron-store (electron-store-backend.ts), tests
// pass conf, the engine electron-store wraps, pointed at a temp dir. Anything with conf's `path` and `store`
// accessor fits. One backend per file: config.json (settings) and config.rooms.json (the address book).
import type { ConfSchemaOptions } from './conf-schema';
import type { StoreData } from '../../common/store-schema';

/** The part of conf / electron-store the service uses. Setting `store` must validate and write atomically. */
export interface StoreBackend {
  /** Absolute path of the file; the service checks it is the file it inspected and may move aside. */
  readonly path: string;
  store: StoreData;
}

/** conf's option names (electron-store calls configName `name`; its adapter maps it). */
export interface StoreBackendOptions extends ConfSchemaOptions {
  readonly cwd: string;
  readonly configName: string;
  /** Written only when the file does not exist. */
  readonly defaults: StoreData;
  /** Never wipe a bad file: the service moves it aside itself and tells the operator. */
  readonly clearInvalidConfig: false;
  /** Keys are plain names; nothing in the service uses dotted paths. */
  readonly accessPropertiesByDotNotation: false;
  readonly watch: false;
  /** JSON.parse that accepts the byte-order mark Notepad's "UTF-8" puts in front: it is not damage. */
  readonly deserialize: (text: string) => StoreData;
}

export type StoreBackendFactory = (options: StoreBackendOptions) => StoreBackend;
