// The settings bounds the preferences form offers. Copied from common/store-schema.ts because importing that
// module at run time pulls zod (~25 kB gzip) into the window for four numbers; tests/renderer/settings-limits.test.ts
// fails the moment the two disagree. Main checks every value again anyway.
export const SETTINGS_LOCALES = ['zh-CN', 'en-US', 'system'] as const;

export const PREFERENCE_LIMITS = {
  pollIntervalMs: { min: 1000, max: 10_000 },
  maxConcurrentDials: { min: 1, max: 16 },
} as const;
