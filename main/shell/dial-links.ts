// room-dialer:// links and --dial arguments reaching the running app: the OS hands them over as the first instance's
// own command line, as a second instance's (`second-instance`, Windows and Linux) or as `open-url` (macOS, possibly
// before the window exists). Each is parsed (common/dial-link.ts) and handed to the window to CONFIRM: nothing is
// dialed here, ever. Until the window can show it, the latest one waits (a newer click replaces an older one).
import { resolve } from 'node:path';
import {
  DIAL_LINK_SCHEME,
  parseDialArgs,
  parseDialLink,
  type StagedDial,
  type StagedDialEvent,
} from '../../common/dial-link';
import type { Validated } from '../../common/validation';
import type { Log } from '../log';

export interface DialLinkInbox {
  /** A link the OS opened the app with (macOS open-url). */
  acceptLink(url: string): void;
  /** A command line (the app's own at start, or a second instance's): true when it asked for a dial. */
  acceptArgv(argv: readonly string[]): boolean;
  /** The window shows staged dials from now on: what waited is delivered at once. */
  open(deliver: (event: StagedDialEvent) => void): void;
  /** The window is gone: hold again. */
  close(): void;
}

export function createDialLinkInbox(log: Log): DialLinkInbox {
  let deliver: ((event: StagedDialEvent) => void) | undefined;
  let waiting: StagedDialEvent | undefined;

  const hand = (result: Validated<StagedDial>, source: 'link' | 'arguments') => {
    const event: StagedDialEvent = result.ok
      ? { kind: 'staged', dial: result.value }
      : { kind: 'refused', error: result.error };
    // What was asked for, never the raw text: it may be megabytes, or made to look like something in a log.
    if (result.ok) {
      const { meeting, rooms, set } = result.value;
      log.info('dial link staged for confirmation', { source, meeting, rooms: rooms.length, set: set !== undefined });
    } else {
      log.warn('dial link refused', { source, field: result.error.field });
    }
    if (deliver) deliver(event);
    else waiting = event;
  };

  return {
    acceptLink: (url) => hand(parseDialLink(url), 'link'),
    acceptArgv: (argv) => {
      const result = parseDialArgs(argv);
      if (result) hand(result, 'arguments');
      return result !== null;
    },
    open: (next) => {
      deliver = next;
      const held = waiting;
      waiting = undefined;
      if (held) next(held);
    },
    close: () => {
      deliver = undefined;
    },
  };
}

/** How the running app is started: Electron's process.defaultApp, execPath and argv. */
export interface LaunchedAs {
  /** True when run as `electron <path>` (npm run dev, npm start), undefined in the packaged app. */
  readonly defaultApp?: boolean;
  readonly execPath: string;
  readonly argv: readonly string[];
}

/**
 * The arguments of app.setAsDefaultProtocolClient. The packaged app registers itself; a development run (Electron's
 * own executable) must name the app's path too, or the OS would start a bare Electron for the link (Electron's
 * "Deep Links" guide). Null when a development run has no app path to name.
 */
export function protocolClientArgs(launched: LaunchedAs): [string] | [string, string, string[]] | null {
  if (!launched.defaultApp) return [DIAL_LINK_SCHEME];
  const appPath = launched.argv[1];
  if (appPath === undefined) return null;
  return [DIAL_LINK_SCHEME, launched.execPath, [resolve(appPath)]];
}
