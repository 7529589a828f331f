// Mounting a renderer component as the app does: real Pinia stores over the fake window API, the app's i18n.
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import type { Locale } from '../../../common/locale';
import elementEn from 'element-plus/es/locale/lang/en';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import { createAppI18n, type LocaleBundle } from '../../../renderer/src/i18n';
import enUS from '../../../renderer/src/i18n/en-US';
import zhCN from '../../../renderer/src/i18n/zh-CN';

/** The language a test opens in, there at once (the window waits for it before its first paint). */
const OPENING_LANGUAGE: Record<Locale, LocaleBundle> = {
  'zh-CN': { messages: zhCN, element: elementZhCn },
  'en-US': { messages: enUS, element: elementEn },
};

/**
 * happy-dom lays nothing out, so every element measures 0×0 and a virtualized list would show no rows. Give
 * elements a window-sized box, as Chromium would for the list's scroll container.
 */
export function fakeLayout(width = 1200, height = 800): void {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height);
}

export function mountApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { locale?: Locale } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const locale = options.locale ?? 'en-US';
  const i18n = createAppI18n(locale, OPENING_LANGUAGE[locale]);
  return mount(component, {
    ...options,
    attachTo: document.body,
    global: { ...options.global, plugins: [pinia, i18n, ...(options.global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>);
}

/** Lets promises and Vue's scheduler settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export function byTestId(testId: string): HTMLElement | null {
  return document.body.querySelector(`[data-testid="${testId}"]`);
}

/** The text of an element once it shows (Element Plus shows form errors a moment after they are set). */
export async function textOf(testId: string): Promise<string> {
  return vi.waitFor(() => {
    const element = byTestId(testId);
    if (!element) throw new Error(`${testId} is not shown`);
    return element.textContent?.trim() ?? '';
  });
}

/** Waits until nothing with this test id is shown. */
export async function gone(testId: string): Promise<true> {
  return vi.waitFor(() => {
    if (byTestId(testId)) throw new Error(`${testId} is still shown`);
    return true;
  });
}

/** Types into an input as the operator would (the input event Vue listens to). */
export async function typeInto(testId: string, value: string): Promise<void> {
  const input = byTestId(testId) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

export async function clickOn(testId: string): Promise<void> {
  byTestId(testId)?.click();
  await settle();
}
