// The desk's profiles as the settings file keeps them (common/profiles.ts): the list in menu order and the one in
// use. Pure functions from one settings document to the next, so AppStore writes each change once, and a refused
// change (a bad name, the profile in use) changes nothing.
import {
  FIRST_PROFILE,
  PROFILE_LIMITS,
  profileIdFor,
  validateProfileInput,
  type ProfileInput,
  type ProfileRecord,
} from '../../common/profiles';
import type { SettingsDocument } from '../../common/store-schema';
import { invalid, valid, type Validated } from '../../common/validation';

/** A file from before profiles has none listed: its one profile is the keychain's "default" account. */
export function profilesOf(doc: SettingsDocument): readonly ProfileRecord[] {
  return doc.profiles ?? [FIRST_PROFILE];
}

/** The profile in use; a hand-edited id that is not in the list falls back to the first. */
export function activeProfileOf(doc: SettingsDocument): string {
  const profiles = profilesOf(doc);
  const active = doc.activeProfile;
  return profiles.some((profile) => profile.id === active) ? (active as string) : (profiles[0] as ProfileRecord).id;
}

export function findProfile(doc: SettingsDocument, id: string): ProfileRecord | undefined {
  return profilesOf(doc).find((profile) => profile.id === id);
}

export function unknownProfile(field: string, id: string): Validated<never> {
  const shown = id.slice(0, 64);
  return invalid(field, {
    'zh-CN': `${field}：没有这个配置（${shown}）`,
    'en-US': `${field}: there is no profile "${shown}"`,
  });
}

function withProfiles(doc: SettingsDocument, profiles: readonly ProfileRecord[], active: string): SettingsDocument {
  return { ...doc, profiles: [...profiles], activeProfile: active };
}

export function addProfile(
  doc: SettingsDocument,
  input: ProfileInput,
): Validated<{ readonly doc: SettingsDocument; readonly profile: ProfileRecord }> {
  const profiles = profilesOf(doc);
  if (profiles.length >= PROFILE_LIMITS.count) {
    return invalid('name', {
      'zh-CN': `name：最多 ${PROFILE_LIMITS.count} 个配置，请先删除不用的配置`,
      'en-US': `name: at most ${PROFILE_LIMITS.count} profiles; remove one you no longer use first`,
    });
  }
  if (input.name === undefined) return validateProfileInput({ name: '' }, profiles) as Validated<never>;
  const checked = validateProfileInput(input, profiles);
  if (!checked.ok) return checked;
  const name = checked.value.name as string;
  const endpoint = checked.value.endpoint ?? undefined;
  const profile: ProfileRecord = {
    id: profileIdFor(
      name,
      profiles.map((p) => p.id),
    ),
    name,
    ...(endpoint === undefined ? {} : { endpoint }),
  };
  return valid({ doc: withProfiles(doc, [...profiles, profile], activeProfileOf(doc)), profile });
}

export function updateProfile(
  doc: SettingsDocument,
  id: string,
  input: ProfileInput,
): Validated<{ readonly doc: SettingsDocument; readonly profile: ProfileRecord }> {
  const profiles = profilesOf(doc);
  const before = profiles.find((profile) => profile.id === id);
  if (!before) return unknownProfile('id', id);
  const checked = validateProfileInput(
    input,
    profiles.filter((profile) => profile !== before),
  );
  if (!checked.ok) return checked;
  const { name, endpoint } = checked.value;
  const { endpoint: _old, ...rest } = before;
  const after: ProfileRecord = {
    ...rest,
    ...(name === undefined ? {} : { name }),
    ...(endpoint === undefined
      ? before.endpoint === undefined
        ? {}
        : { endpoint: before.endpoint }
      : endpoint === null
        ? {}
        : { endpoint }),
  };
  const next = profiles.map((profile) => (profile === before ? after : profile));
  return valid({ doc: withProfiles(doc, next, activeProfileOf(doc)), profile: after });
}

/** The profile in use and the last one stay: the desk always has one to work with. */
export function removeProfile(
  doc: SettingsDocument,
  id: string,
): Validated<{ readonly doc: SettingsDocument; readonly profile: ProfileRecord }> {
  const profiles = profilesOf(doc);
  const profile = profiles.find((p) => p.id === id);
  if (!profile) return unknownProfile('id', id);
  if (activeProfileOf(doc) === id) {
    return invalid('id', {
      'zh-CN': 'id：不能删除正在使用的配置，请先切换到其他配置',
      'en-US': 'id: the profile in use cannot be removed; switch to another profile first',
    });
  }
  const next = profiles.filter((p) => p !== profile);
  return valid({ doc: withProfiles(doc, next, activeProfileOf(doc)), profile });
}

export function withActiveProfile(doc: SettingsDocument, id: string): Validated<SettingsDocument> {
  const profiles = profilesOf(doc);
  if (!profiles.some((profile) => profile.id === id)) return unknownProfile('id', id);
  return valid(withProfiles(doc, profiles, id));
}

/** A profile IT's managed configuration defines: its id (keychain account), name and own endpoint, if any. */
export interface ManagedProfileEntry {
  readonly id: string;
  readonly name: string;
  readonly endpoint?: string;
}

/**
 * IT's profiles laid over the list: one the desk has takes IT's name and endpoint where it stands, a new one is
 * added at the end (while there is room). Undefined when nothing changes, so a start writes nothing.
 */
export function withManagedProfiles(
  doc: SettingsDocument,
  entries: readonly ManagedProfileEntry[],
): SettingsDocument | undefined {
  const profiles = [...profilesOf(doc)];
  let changed = false;
  for (const entry of entries) {
    const record: ProfileRecord = {
      id: entry.id,
      name: entry.name.slice(0, PROFILE_LIMITS.name),
      ...(entry.endpoint === undefined ? {} : { endpoint: entry.endpoint }),
    };
    const at = profiles.findIndex((profile) => profile.id === entry.id);
    const before = profiles[at];
    if (before) {
      if (before.name === record.name && before.endpoint === record.endpoint) continue;
      profiles[at] = record;
    } else if (profiles.length < PROFILE_LIMITS.count) profiles.push(record);
    else continue;
    changed = true;
  }
  return changed ? withProfiles(doc, profiles, activeProfileOf(doc)) : undefined;
}
