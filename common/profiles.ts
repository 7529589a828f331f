// Profiles: one enterprise account each (a reception desk serving two companies has two). A profile has an id, which
// is also its keychain account (common/credentials.ts validateProfileName: the CLI's --profile and IT's managed.json
// name it), a display name the operator chose, and optionally its own API endpoint (else the desk's
// settings.endpoint, as in managed.json). Its credentials live in the keychain under its id; its address book, room
// sets and schedules in files of its own (main/store/profile-book.ts). Pure: the window's form and the store run
// these same rules.
import { DEFAULT_PROFILE, validateProfileName } from './credentials';
import { validateEndpoint } from './endpoint';
import { codePointLength } from './room-limits';
import type { Localized } from './locale';
import { invalid, valid, type Validated } from './validation';

export const PROFILE_LIMITS = {
  /** A display name, in characters. */
  name: 40,
  /** Profiles on one desk: a handful in practice; the bound keeps the header menu and the files in check. */
  count: 20,
} as const;

/** As the settings file keeps it. */
export interface ProfileRecord {
  /** The keychain account; never changes (a rename changes the name only). */
  readonly id: string;
  /** '' for the first profile made from the credentials of an earlier version: the window calls it "Default". */
  readonly name: string;
  /** Absent: the desk's settings.endpoint. */
  readonly endpoint?: string;
}

/** The profile every desk starts with: the keychain's "default" account, upgraded in place. */
export const FIRST_PROFILE: ProfileRecord = { id: DEFAULT_PROFILE, name: '' };

/** What the window is told about one profile. */
export interface ProfileView {
  readonly id: string;
  readonly name: string;
  /** Its own endpoint, or null when it uses the desk's. */
  readonly endpoint: string | null;
  /** Credentials are saved for it in the keychain (or come from IT / the environment). */
  readonly configured: boolean;
  /** IT's managed configuration defines it: name and endpoint are locked, and it cannot be removed. */
  readonly managed: boolean;
}

export interface ProfilesState {
  /** The profile the window, the dialer and new calls use. */
  readonly active: string;
  readonly profiles: readonly ProfileView[];
}

/**
 * What switching away from the active profile would leave behind, asked before it happens: calls still ringing keep
 * polling with their own profile's credentials; automatic retries waiting to dial are cancelled; the old profile's
 * armed schedules do not dial until it is active again.
 */
export interface ProfileSwitchQuestion {
  readonly from: string;
  readonly to: string;
  readonly activeCalls: number;
  readonly pendingRetries: number;
  readonly armedSchedules: number;
}

export type ProfileSwitchResult =
  | {
      readonly kind: 'switched';
      readonly state: ProfilesState;
      /** Its address book files as they opened: one that could not be read was moved aside, said here once. */
      readonly notices: readonly { readonly message: Localized; readonly backupPath: string }[];
    }
  | { readonly kind: 'ask'; readonly question: ProfileSwitchQuestion };

/** rooms:copy-to-profile's answer. */
export interface CopyRoomsSummary {
  readonly copied: number;
  /** Already in the other profile's address book (same address or Rooms ID): left as they are there. */
  readonly alreadyThere: number;
  /** Not in this profile's address book (deleted meanwhile). */
  readonly notFound: number;
}

export interface ProfileInput {
  readonly name?: unknown;
  /** '' clears a profile's own endpoint (it then uses the desk's). */
  readonly endpoint?: unknown;
}

export interface ValidProfileInput {
  readonly name?: string;
  /** null: clear it. */
  readonly endpoint?: string | null;
}

/** A display name: trimmed, 1–40 characters, no control characters, not the name of another profile. */
export function validateProfileDisplayName(value: unknown, others: readonly ProfileRecord[]): Validated<string> {
  if (typeof value !== 'string') {
    return invalid('name', { 'zh-CN': 'name：必须是文本', 'en-US': 'name: must be text' });
  }
  const name = value.trim();
  if (name === '') {
    return invalid('name', {
      'zh-CN': 'name：配置名称不能为空，例如 总部',
      'en-US': 'name: the profile name must not be empty, e.g. Head office',
    });
  }
  if (codePointLength(name) > PROFILE_LIMITS.name) {
    return invalid('name', {
      'zh-CN': `name：配置名称过长（最多 ${PROFILE_LIMITS.name} 个字符）`,
      'en-US': `name: the profile name is too long (at most ${PROFILE_LIMITS.name} characters)`,
    });
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return invalid('name', {
      'zh-CN': 'name：配置名称不能包含控制字符',
      'en-US': 'name: the profile name must not contain control characters',
    });
  }
  const folded = name.toLocaleLowerCase();
  if (others.some((other) => other.name.toLocaleLowerCase() === folded || other.id.toLocaleLowerCase() === folded)) {
    return invalid('name', {
      'zh-CN': `name：已有名为“${name}”的配置`,
      'en-US': `name: a profile named "${name}" already exists`,
    });
  }
  return valid(name);
}

/** The fields of an add or an edit; those left out are undefined. */
export function validateProfileInput(
  input: ProfileInput,
  others: readonly ProfileRecord[],
): Validated<ValidProfileInput> {
  let name: string | undefined;
  if (input.name !== undefined) {
    const checked = validateProfileDisplayName(input.name, others);
    if (!checked.ok) return checked;
    name = checked.value;
  }
  let endpoint: string | null | undefined;
  if (typeof input.endpoint === 'string' && input.endpoint.trim() === '') endpoint = null;
  else if (input.endpoint !== undefined) {
    if (typeof input.endpoint !== 'string') {
      return invalid('endpoint', { 'zh-CN': 'endpoint：必须是文本', 'en-US': 'endpoint: must be text' });
    }
    const checked = validateEndpoint(input.endpoint);
    if (!checked.ok) return checked;
    endpoint = checked.value;
  }
  return valid({ ...(name === undefined ? {} : { name }), ...(endpoint === undefined ? {} : { endpoint }) });
}

/**
 * A keychain account for a new profile named `name`: the name itself where it is a valid account (letters of any
 * script, digits, `.`, `_`, `-`), spaces and other characters becoming `-`, made unique with `-2`, `-3`… An IT
 * administrator looking at the keychain then recognises each entry.
 */
export function profileIdFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .replace(/-+$/u, '')
      .slice(0, 48) || 'profile';
  const used = new Set(taken.map((id) => id.toLocaleLowerCase()));
  let id = base;
  for (let n = 2; used.has(id.toLocaleLowerCase()); n++) id = `${base}-${n}`;
  // validateProfileName is the keychain's own rule; anything it would refuse falls back to a plain counter.
  return validateProfileName(id).ok ? id : profileIdFor('profile', taken);
}
