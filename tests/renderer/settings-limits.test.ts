import { describe, expect, it } from 'vitest';
import { SETTINGS_LIMITS, SETTINGS_LOCALES as STORE_LOCALES } from '../../common/store-schema';
import { PREFERENCE_LIMITS, SETTINGS_LOCALES } from '../../renderer/src/settings-limits';

describe('the preferences form bounds', () => {
  it('are the store schema bounds', () => {
    expect(SETTINGS_LOCALES).toEqual(STORE_LOCALES);
    expect(PREFERENCE_LIMITS.pollIntervalMs).toEqual(SETTINGS_LIMITS.pollIntervalMs);
    expect(PREFERENCE_LIMITS.maxConcurrentDials).toEqual(SETTINGS_LIMITS.maxConcurrentDials);
  });
});
