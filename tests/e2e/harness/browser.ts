// Debian's Chromium, driven by playwright-core. Playwright's own browser download cannot work on this machine, so
// the executable is named explicitly; every flag keeps the run offline and free of first-run or sync side effects.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. The end-to-end tests drive a system Chromium: install the Debian package ` +
        '"chromium" (see README.md, Prerequisites) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** A fresh context with the window size of a front-desk PC and the browser language the test names. */
export function newContext(browser: Browser, locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 900 }, locale, deviceScaleFactor: 1 });
}
