// The window's languages: vue-i18n for the app's own texts, Element Plus's locale for its widgets, and `localize`
// for the Localized texts that come from common/ and the main process (errors, call states, validator messages).
// Only the language the window opens in is loaded before the first paint; the other one is fetched (its own small
// chunk) the first time it is chosen, and until it is there the texts stay in the language already shown. In the
// built window the messages arrive precompiled (electron.vite.config.ts), so no message compiler ships and nothing
// is evaluated at run time.
import { computed, shallowReactive, watch, type ComputedRef } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import type { Language } from 'element-plus/es/locale';
import type { Locale, Localized } from '../../../common/locale';
import type { SettingsLocale } from '../../../common/store-schema';
import type { MessageSchema } from './zh-CN';

export type { MessageSchema };

/** Everything one language needs: the app's texts and Element Plus's. */
export interface LocaleBundle {
  readonly messages: MessageSchema;
  readonly element: Language;
}

const LOADERS: Record<Locale, () => Promise<LocaleBundle>> = {
  'zh-CN': async () => {
    const [messages, element] = await Promise.all([import('./zh-CN'), import('element-plus/es/locale/lang/zh-cn')]);
    return { messages: messages.default, element: element.default };
  },
  'en-US': async () => {
    const [messages, element] = await Promise.all([import('./en-US'), import('element-plus/es/locale/lang/en')]);
    return { messages: messages.default, element: element.default };
  },
};

const loading = new Map<Locale, Promise<LocaleBundle>>();

/** Element Plus's texts of each language loaded so far (without one, Element Plus uses its own English). */
export const ELEMENT_LOCALES = shallowReactive<Partial<Record<Locale, Language>>>({});

/** Fetches a language once; a failed fetch is tried again the next time. */
export function loadLocale(locale: Locale): Promise<LocaleBundle> {
  let bundle = loading.get(locale);
  if (!bundle) {
    bundle = LOADERS[locale]().then(
      (loaded) => {
        ELEMENT_LOCALES[locale] = loaded.element;
        return loaded;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, bundle);
  }
  return bundle;
}

/** The i18n instance, in `locale`, with that language given; another language is loaded when switched to. */
export function createAppI18n(locale: Locale, bundle: LocaleBundle) {
  ELEMENT_LOCALES[locale] ??= bundle.element;
  const i18n = createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    // While another language loads, t() answers from the one already shown.
    fallbackLocale: locale,
    messages: { [locale]: bundle.messages } as Record<Locale, MessageSchema>,
    missingWarn: false,
    fallbackWarn: false,
  });
  const { global } = i18n;
  watch(
    () => global.locale.value,
    (next) => {
      if (global.availableLocales.includes(next)) return;
      loadLocale(next).then(
        (loaded) => global.setLocaleMessage(next, loaded.messages),
        () => undefined, // stays in the language shown; switching to this language again retries
      );
    },
  );
  return i18n;
}

/** The window's i18n in the language it opens in, once that language is loaded. */
export async function loadAppI18n(locale: Locale) {
  return createAppI18n(locale, await loadLocale(locale));
}

export type AppI18n = ReturnType<typeof createAppI18n>;

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
