// The settings IT set are locked at the desk: a settings:update may send them back unchanged (the preferences form
// sends every field it shows) but not change them. The refusal names the field in both languages.
import { isDeepStrictEqual } from 'node:util';
import { validateEndpoint } from '../../common/endpoint';
import { managedFieldError, MANAGED_SETTING_KEYS, type ManagedSettings } from '../../common/managed-config';
import { valid, type Validated } from '../../common/validation';

function sameValue(key: keyof ManagedSettings, sent: unknown, locked: unknown): boolean {
  if (key === 'endpoint' && typeof sent === 'string') {
    const checked = validateEndpoint(sent);
    return checked.ok && checked.value === locked;
  }
  return isDeepStrictEqual(sent, locked);
}

/** The first managed field the patch would change, as the field error; ok when it changes none. */
export function refuseLockedSettings(
  patch: Readonly<Record<string, unknown>>,
  locked: ManagedSettings,
): Validated<null> {
  for (const key of MANAGED_SETTING_KEYS) {
    if (locked[key] === undefined || patch[key] === undefined) continue;
    if (!sameValue(key, patch[key], locked[key])) return { ok: false, error: managedFieldError(key) };
  }
  return valid(null);
}
