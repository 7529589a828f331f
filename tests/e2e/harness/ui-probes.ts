// In-page timing probes for `npm run bench:ui`, as page-script source: they run in Chromium, where
// performance.now() brackets exactly the window's own work, with no test-runner round trip in the figures.
// Plain JavaScript text because the Node type configuration has no DOM types.
import { RESPONSE_MARK } from './window-api-script';

/** Where the render probe leaves its result on `window`. */
export const RENDER_RESULT = '__roomDialerBenchRender';

export interface RenderTiming {
  /** performance.now() when the rooms:list answer reached the page. */
  readonly arrivedAt: number;
  /** When the first room rows were in the document (right after Vue's patch). */
  readonly domAt: number;
  /** After the next frame was produced (requestAnimationFrame, then a task). */
  readonly paintedAt: number;
  readonly rows: number;
}

/** Init script: records when the first room rows appear after the rooms arrived. */
export function renderProbe(rowSelector: string): string {
  return `(() => {
  const arrived = () => performance.getEntriesByName(${JSON.stringify(`${RESPONSE_MARK}rooms:list`)})[0];
  const observer = new MutationObserver(() => {
    const mark = arrived();
    if (!mark || !document.querySelector(${JSON.stringify(rowSelector)})) return;
    observer.disconnect();
    const domAt = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window[${JSON.stringify(RENDER_RESULT)}] = {
          arrivedAt: mark.startTime,
          domAt,
          paintedAt: performance.now(),
          rows: document.querySelectorAll(${JSON.stringify(rowSelector)}).length,
        };
      };
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

export interface KeystrokeTiming {
  readonly value: string;
  /** Input event dispatched → its handlers, Vue's patch and a forced style/layout of the list done. */
  readonly updatedMs: number;
  /** Input event dispatched → the next animation frame (includes the wait for the frame). */
  readonly frameMs: number;
  /** Whether the list's DOM changed at all for this keystroke. */
  readonly changed: boolean;
}

/**
 * page.evaluate body: types each value into the search field as an input event, the way a keystroke (or an IME
 * commit) arrives, and times it. `values` are the field's successive contents.
 */
export function keystrokeProbe(inputSelector: string, listSelector: string): string {
  return `async (values) => {
  const input = document.querySelector(${JSON.stringify(inputSelector)});
  const list = document.querySelector(${JSON.stringify(listSelector)});
  if (!input || !list) throw new Error('search field or room list not found');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const task = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  input.focus();
  const timings = [];
  for (const value of values) {
    // A key press arrives as a task of its own, somewhere between two frames.
    await frame();
    await task();
    let changed = false;
    const observer = new MutationObserver(() => { changed = true; });
    observer.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
    setValue.call(input, value);
    const start = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    await task();
    void list.offsetHeight;
    const updatedMs = performance.now() - start;
    observer.disconnect();
    await frame();
    timings.push({ value, updatedMs, frameMs: performance.now() - start, changed });
  }
  return timings;
}`;
}
