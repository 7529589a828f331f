// axe-core in the page under test, and what it finds in a form a failure message can show. The app's CSP allows no
// inline script, so axe is not added as a <script>: it goes in as an init script (CDP injects those before the
// page's own scripts, outside the CSP), the way the harness gives the page window.roomDialer. The in-page parts are
// plain JavaScript text: the Node type configuration has no DOM types (as in ui-probes.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** axe.min.js as an init script (startSession's initScripts). */
export function axeInitScript(): string {
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  /** CSS selectors of the offending elements, as axe names them. */
  readonly targets: readonly string[];
  /** axe's summary for the first element (for colour contrast: the colours and the ratio). */
  readonly detail: string;
}

const RUN_AXE = `async (selectors) => {
  if (!window.axe) throw new Error('axe-core is not in the page: pass axeInitScript() to startSession');
  const context = selectors.length ? { include: selectors.map((selector) => [selector]) } : 'html';
  const result = await window.axe.run(context, { resultTypes: ['violations'] });
  return result.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact || 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
    detail: ((violation.nodes[0] && violation.nodes[0].failureSummary) || '').replace(/\\s+/g, ' ').slice(0, 300),
  }));
}`;

/** Waits for every CSS animation and transition to end: a dialog fading in reads as too little contrast. */
export async function stillPage(page: Page): Promise<void> {
  // Polled with page.evaluate: waitForFunction evaluates its text with eval, which the CSP forbids.
  for (let tries = 0; tries < 100; tries++) {
    const still = await page.evaluate(
      "document.getAnimations().every((animation) => animation.playState !== 'running')",
    );
    if (still === true) return;
    await page.waitForTimeout(100);
  }
}

/**
 * Every violation axe finds in the elements matching `include` (the whole page when empty), with the rules axe runs
 * by default (WCAG 2.x A and AA, and best practices).
 */
export async function runAxe(page: Page, include: readonly string[] = []): Promise<AxeFinding[]> {
  await stillPage(page);
  return page.evaluate(`(${RUN_AXE})(${JSON.stringify(include)})`);
}

/** The findings an operator would be hurt by: axe's serious and critical ones. */
export function seriousOnly(findings: readonly AxeFinding[]): AxeFinding[] {
  return findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}

const TEXT_CONTRASTS = `(selector) => {
  const rgba = (css) => {
    const parts = (css.match(/[\\d.]+/g) || []).map(Number);
    return [parts[0] || 0, parts[1] || 0, parts[2] || 0, parts.length > 3 ? parts[3] : 1];
  };
  const channel = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return [...document.querySelectorAll(selector)].map((element) => {
    let background = [255, 255, 255, 1];
    for (let node = element; node; node = node.parentElement) {
      const color = rgba(getComputedStyle(node).backgroundColor);
      if (color[3] > 0.99) { background = color; break; }
    }
    const [light, dark] = [luminance(rgba(getComputedStyle(element).color)), luminance(background)].sort((a, b) => b - a);
    return { text: (element.textContent || '').trim(), ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100 };
  });
}`;

/** The contrast ratio of each matching element's text against the first opaque background behind it (WCAG 2.x). */
export async function textContrasts(page: Page, selector: string): Promise<{ text: string; ratio: number }[]> {
  return page.evaluate(`(${TEXT_CONTRASTS})(${JSON.stringify(selector)})`);
}
