// The logging the services need, as an interface: the Electron shell passes electron-log (with secret redaction),
// tests pass a recorder. Messages are for support staff; never put a secret or a whole request body in `data`.
export interface Log {
  info(message: string, data?: Readonly<Record<string, unknown>>): void;
  warn(message: string, data?: Readonly<Record<string, unknown>>): void;
  error(message: string, data?: Readonly<Record<string, unknown>>): void;
}

export const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {} };
