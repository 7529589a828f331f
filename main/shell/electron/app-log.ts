// electron-log for the app: the rotating, redacted file set up by ../logger.ts, plus uncaught errors and unhandled
// rejections written to it (without electron-log's error dialog: the operator gets the window's own messages).
import electronLog from 'electron-log/main';
import type { Log } from '../../log';
import { configureLogger, serviceLog, type LogRedaction } from '../logger';

export interface AppLog {
  readonly log: Log;
  readonly redaction: LogRedaction;
  /** The current log file, for the Help menu's "Open Log Folder" and for support. */
  filePath(): string;
}

export function startAppLog(): AppLog {
  const redaction = configureLogger(electronLog);
  electronLog.errorHandler.startCatching({ showDialog: false });
  return { log: serviceLog(electronLog), redaction, filePath: () => electronLog.transports.file.getFile().path };
}
