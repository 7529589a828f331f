// electron-log set up for the app: one rotating file for support, main-process logs kept out of the window, and
// every message passed through redact() by a hook, so no transport (file, console) ever sees a secret. Takes the
// logger as a parameter: the app passes electron-log/main, the tests electron-log/node with a temp file.
import type { Hook, LogFunctions, NodeLogger } from 'electron-log';
import type { Log } from '../log';
import { redact } from './redact';

/** electron-log keeps one previous file (main.old.log), so the logs never take more than twice this. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export interface LoggerOptions {
  readonly maxSize?: number;
  /** Where the file goes; electron-log's per-OS default when absent (see the README's Support section). */
  readonly filePath?: string;
}

export interface LogRedaction {
  /** Masks this exact value in every later message too (e.g. a SecretKey read from the environment). */
  addSecret(secret: string): void;
}

/** The hook that masks every argument of every message, before any transport formats it. */
export function redactionHook(knownSecrets: () => Iterable<string> = () => []): Hook {
  return (message) => ({ ...message, data: redact(message.data, { secrets: knownSecrets() }) as unknown[] });
}

export function configureLogger(logger: NodeLogger, options: LoggerOptions = {}): LogRedaction {
  const secrets = new Set<string>();
  // Last in the chain: whatever earlier hooks add is masked too.
  logger.hooks.push(redactionHook(() => secrets));
  const file = logger.transports.file;
  file.maxSize = options.maxSize ?? LOG_MAX_BYTES;
  file.level = 'info';
  if (options.filePath !== undefined) {
    const filePath = options.filePath;
    file.resolvePathFn = () => filePath;
  }
  // electron-log would otherwise forward main's log to the window's devtools console: main's log stays in main.
  // (electron-log/node, used by the tests, has neither transport: hence the optional chaining.)
  const { ipc, remote } = logger.transports as Partial<NodeLogger['transports']>;
  if (ipc) ipc.level = false;
  if (remote) remote.level = false;
  return {
    addSecret(secret) {
      if (secret) secrets.add(secret);
    },
  };
}

/** The services' Log interface over electron-log: one line with the message and, if any, its data object. */
export function serviceLog(logger: LogFunctions): Log {
  const write = (level: 'info' | 'warn' | 'error') => (message: string, data?: Readonly<Record<string, unknown>>) => {
    if (data === undefined) logger[level](message);
    else logger[level](message, data);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
