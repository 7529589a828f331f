// The two languages every operator-facing text is written in.
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text the operator may read, in every supported language. */
export type Localized = Readonly<Record<Locale, string>>;

/** zh-CN for a Chinese system locale (zh, zh-CN, zh-Hans…), en-US for everything else. */
export function pickLocale(systemLocale: string | undefined): Locale {
  return systemLocale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}
