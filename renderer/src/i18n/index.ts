// The window's languages: vue-i18n for the app's own texts, Element Plus's locale for its widgets, and `localize`
// for the Localized texts that come from common/ and the main process (errors, call states, validator messages).
import { computed, type ComputedRef } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import elementEn from 'element-plus/es/locale/lang/en';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import type { Locale, Localized } from '../../../common/locale';
import type { SettingsLocale } from '../../../common/store-schema';
import enUS from './en-US';
import zhCN, { type MessageSchema } from './zh-CN';

export type { MessageSchema };

export function createAppI18n(locale: Locale = 'en-US') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en-US',
    messages: { 'zh-CN': zhCN, 'en-US': enUS },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

export const ELEMENT_LOCALES = { 'zh-CN': elementZhCn, 'en-US': elementEn } as const;

/** The operator's choice, or the OS language when they chose "system" (or before anything was loaded). */
export function resolveLocale(setting: SettingsLocale | undefined, system: Locale): Locale {
  return setting === 'zh-CN' || setting === 'en-US' ? setting : system;
}

/** The current UI language, typed. */
export function useLocale(): ComputedRef<Locale> {
  const { locale } = useI18n();
  return computed(() => (locale.value === 'zh-CN' ? 'zh-CN' : 'en-US'));
}

/** `(text) => text[current locale]`, reactive in templates. */
export function useLocalize(): (text: Localized) => string {
  const locale = useLocale();
  return (text) => text[locale.value];
}
