// Screenshots for the operator to look at: taken once the window is still (the tabs' underline sliding to the tab
// just opened, a checkbox's tick, a dialog's fade), with the mouse out of the way. Endless animations (a spinner)
// are not waited for.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const STILL_WAIT = { timeout: 30_000 } as const;

export async function settledAnimations(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate<number>(
          `document.getAnimations().filter((a) => a.playState === 'running' &&
            a.effect?.getTiming().iterations !== Infinity).length`,
        ),
      STILL_WAIT,
    )
    .toBe(0);
}

/** A viewport picture at `file`; `settled: false` when the picture is of something moving on purpose. */
export async function screenshot(page: Page, file: string, settled = true): Promise<void> {
  await page.mouse.move(0, 0);
  if (settled) await settledAnimations(page);
  await page.screenshot({ path: file, fullPage: false });
}
