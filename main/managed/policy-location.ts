// Where IT puts the managed configuration on each OS, and the override for tests and for IT trying a file out.
// Machine-wide locations that only administrators can write: a desk operator cannot change what IT set.
import path from 'node:path';

/** Points at a managed.json to use instead of the OS location (tests, IT trying a file before deploying it). */
export const MANAGED_CONFIG_ENV = 'ROOM_DIALER_MANAGED_CONFIG';

/** Windows: the policy key IT can set by Group Policy instead of (and before) the file. */
export const POLICY_REGISTRY_KEY = 'HKLM\\Software\\Policies\\Room Dialer';

export type PolicyLocation =
  /** A managed.json; `required` when something (the override, the registry) said it must exist. */
  | { readonly kind: 'file'; readonly path: string; readonly required: boolean }
  /** Windows: the registry key first, then the file. */
  | { readonly kind: 'registry-then-file'; readonly key: string; readonly path: string };

/**
 * The managed.json of this OS: %ProgramData%\Room Dialer\managed.json, /Library/Application Support/Room
 * Dialer/managed.json, /etc/room-dialer/managed.json. The override wins; it must then exist (a typo in it must
 * not silently leave the desk unmanaged).
 */
export function policyLocation(platform: NodeJS.Platform, env: Readonly<NodeJS.ProcessEnv>): PolicyLocation {
  const override = env[MANAGED_CONFIG_ENV]?.trim();
  if (override) return { kind: 'file', path: override, required: true };
  switch (platform) {
    case 'win32': {
      const programData = env['ProgramData']?.trim() || env['ALLUSERSPROFILE']?.trim() || 'C:\\ProgramData';
      const file = path.win32.join(programData, 'Room Dialer', 'managed.json');
      return { kind: 'registry-then-file', key: POLICY_REGISTRY_KEY, path: file };
    }
    case 'darwin':
      return { kind: 'file', path: '/Library/Application Support/Room Dialer/managed.json', required: false };
    default:
      return { kind: 'file', path: '/etc/room-dialer/managed.json', required: false };
  }
}
