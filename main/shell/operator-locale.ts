// The language the operator reads: the settings' choice, or the system's when that is "system" (the default).
import { pickLocale, type Locale } from '../../common/locale';
import type { SettingsLocale } from '../../common/store-schema';

export function operatorLocale(setting: SettingsLocale, systemLocale: string | undefined): Locale {
  return setting === 'system' ? pickLocale(systemLocale) : setting;
}
