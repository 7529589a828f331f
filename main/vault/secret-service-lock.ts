// Linux only: whether the Secret Service holds an item that keytar could not read because its keyring is locked.
//
// keytar (libsecret's secret_password_lookup_sync) answers null both for "nothing saved" and for "saved, but the
// keyring is locked and no unlock prompt could be shown" (atom/node-keytar#422; seen here against gnome-keyring:
// getPassword → null, deletePassword → false, the item untouched). Taken at its word, a locked keyring reads as
// "no credentials saved" and the operator is told to enter them again. keytar has no API to tell the two apart,
// and its errors only cover writes ("Cannot create an item in a locked collection"). So after such an answer the
// store asks the Secret Service itself, over D-Bus, with dbus-send (part of D-Bus itself, present wherever a
// Secret Service runs; a child process because GLib's connection lives inside keytar):
//   1. Service.SearchItems with the attributes keytar files items under (service, account) answers the unlocked
//      and the locked matches apart: a locked match means the credentials are there but cannot be read;
//   2. otherwise the default collection's Locked property: a locked keyring cannot be trusted to show what it
//      holds (gnome-keyring lists locked items, other Secret Services need not), so it is reported as locked too.
// When the question itself fails (no dbus-send, no answer in time), the answer is 'unknown' and keytar's word stands.
import { execFile } from 'node:child_process';

export type LockState = 'locked' | 'unlocked' | 'unknown';

/** Asks whether the item keytar filed under `service`/`account` is (or may be) locked away. */
export type LockProbe = (service: string, account: string) => Promise<LockState>;

const SECRETS = ['--dest=org.freedesktop.secrets'];
const TIMEOUT_MS = 5000;

function dbusSend(objectPath: string, method: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'dbus-send',
      ['--session', '--print-reply', `--reply-timeout=${TIMEOUT_MS}`, ...SECRETS, objectPath, method, ...args],
      { timeout: TIMEOUT_MS, encoding: 'utf8', maxBuffer: 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/** The two arrays of SearchItems' reply, as counts of object paths: [unlocked, locked]; undefined if unreadable. */
export function parseSearchItemsReply(reply: string): { unlocked: number; locked: number } | undefined {
  const arrays = [...reply.matchAll(/array \[([^\]]*)\]/g)].map(
    ([, body]) => (body?.match(/object path "/g) ?? []).length,
  );
  if (arrays.length !== 2) return undefined;
  const [unlocked = 0, locked = 0] = arrays;
  return { unlocked, locked };
}

/** The Locked property from a Properties.Get reply ("variant boolean true"); undefined if unreadable. */
export function parseLockedReply(reply: string): boolean | undefined {
  const match = /variant\s+boolean\s+(true|false)/.exec(reply);
  return match ? match[1] === 'true' : undefined;
}

export const secretServiceLockProbe: LockProbe = async (service, account) => {
  // dbus-send's dict syntax separates with commas; profile names and the service name never contain one.
  if (service.includes(',') || account.includes(',')) return 'unknown';
  try {
    const found = parseSearchItemsReply(
      await dbusSend('/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.SearchItems', [
        `dict:string:string:service,${service},account,${account}`,
      ]),
    );
    if (found === undefined) return 'unknown';
    if (found.locked > 0) return 'locked';
    if (found.unlocked > 0) return 'unlocked';
    const locked = parseLockedReply(
      await dbusSend('/org/freedesktop/secrets/aliases/default', 'org.freedesktop.DBus.Properties.Get', [
        'string:org.freedesktop.Secret.Collection',
        'string:Locked',
      ]),
    );
    if (locked === undefined) return 'unknown';
    return locked ? 'locked' : 'unlocked';
  } catch {
    return 'unknown';
  }
};
