// @vitest-environment happy-dom
// The window opens with one language loaded; the other is fetched the first time it is chosen, and until it is
// there the texts stay readable (in the language already shown), never raw keys.
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createAppI18n, ELEMENT_LOCALES, loadAppI18n } from '../../renderer/src/i18n';
import zhCN from '../../renderer/src/i18n/zh-CN';
import { useSettingsStore } from '../../renderer/src/stores/settings';

describe('window languages', () => {
  it('holds only the opening language, and loads the other one (app and Element Plus texts) when chosen', async () => {
    const i18n = createAppI18n('zh-CN', { messages: zhCN, element: elementZhCn });
    const { global } = i18n;
    expect(global.availableLocales).toEqual(['zh-CN']);
    expect(global.t('app.tabs.dial')).toBe('呼叫台');
    global.locale.value = 'en-US';
    expect(global.t('app.tabs.dial')).toBe('呼叫台'); // still loading: the language shown, not the key
    await vi.waitFor(() => expect(global.t('app.tabs.dial')).toBe('Dial board'));
    expect(global.availableLocales).toContain('en-US');
    expect(ELEMENT_LOCALES['en-US']?.name).toBe('en');
    global.locale.value = 'zh-CN';
    expect(global.t('app.tabs.dial')).toBe('呼叫台');
  });

  it('loads the opening language before the window is created', async () => {
    const { global } = await loadAppI18n('en-US');
    expect(global.locale.value).toBe('en-US');
    expect(global.t('board.dial')).toBe('Dial');
    expect(ELEMENT_LOCALES['en-US']?.name).toBe('en');
  });

  it('stays in the language the window opened in until main says which the system has', () => {
    setActivePinia(createPinia());
    const language = vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN');
    expect(useSettingsStore().locale).toBe('zh-CN');
    language.mockRestore();
  });
});
