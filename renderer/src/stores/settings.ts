// App info, settings and the public view of the saved credentials. The secret key never comes back from main;
// this store only ever sends one.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { CredentialInput, CredentialPublicView } from '../../../common/credentials';
import type { AppInfo, ConnectionTestResult, RequestOf } from '../../../common/ipc-contract';
import type { IpcError } from '../../../common/ipc-error';
import { pickLocale, type Locale } from '../../../common/locale';
import type { Settings } from '../../../common/store-schema';
import { api, toIpcError, unwrap } from '../api';
import { resolveLocale } from '../i18n';

export type SettingsPatch = RequestOf<'settings:update'>;

export const useSettingsStore = defineStore('settings', () => {
  const appInfo = shallowRef<AppInfo | null>(null);
  const settings = shallowRef<Settings | null>(null);
  const credentials = shallowRef<CredentialPublicView | null>(null);
  /** Why something could not be read at start (the keychain, usually); shown on the settings screen. */
  const loadError = shallowRef<IpcError | null>(null);

  // Until main has said which language the system has, the browser's (which the window opened in): no switch to
  // another language and back while the settings load.
  const locale = computed<Locale>(() =>
    resolveLocale(settings.value?.locale, appInfo.value?.systemLocale ?? pickLocale(navigator.language)),
  );
  const configured = computed(() => credentials.value?.configured === true);

  /** Each part on its own: an unreadable keychain must not hide the settings or the language. */
  async function load(): Promise<void> {
    const [info, current, saved] = await Promise.allSettled([
      unwrap(api().getAppInfo()),
      unwrap(api().getSettings()),
      unwrap(api().getCredentials()),
    ]);
    if (info.status === 'fulfilled') appInfo.value = info.value;
    if (current.status === 'fulfilled') settings.value = current.value;
    if (saved.status === 'fulfilled') credentials.value = saved.value;
    const failed = [info, current, saved].find((result) => result.status === 'rejected');
    loadError.value = failed ? toIpcError(failed.reason) : null;
  }

  async function update(patch: SettingsPatch): Promise<Settings> {
    settings.value = await unwrap(api().updateSettings(patch));
    return settings.value;
  }

  async function saveCredentials(input: CredentialInput): Promise<CredentialPublicView> {
    const { appId, sdkId, secretId, secretKey, operatorId } = input;
    credentials.value = await unwrap(
      api().saveCredentials({
        appId,
        operatorId,
        ...(sdkId ? { sdkId } : {}),
        // Empty means "keep the saved one": the secret is not sent at all.
        ...(secretId ? { secretId } : {}),
        ...(secretKey ? { secretKey } : {}),
      }),
    );
    return credentials.value;
  }

  async function deleteCredentials(): Promise<void> {
    credentials.value = await unwrap(api().deleteCredentials());
  }

  function testConnection(): Promise<ConnectionTestResult> {
    return unwrap(api().testConnection());
  }

  return {
    appInfo,
    settings,
    credentials,
    loadError,
    locale,
    configured,
    load,
    update,
    saveCredentials,
    deleteCredentials,
    testConnection,
  };
});
