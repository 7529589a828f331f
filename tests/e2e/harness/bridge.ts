// Connects a page's window.roomDialer to handlers running in the test process: page.exposeBinding carries each
// call out, with the calling frame's URL and whether it is the main frame (so the handlers' sender checks run for
// real), and page.evaluate carries call updates in. Everything that crosses into the page is recorded, so the
// secret-leak test can search all of it.
import type { Frame, Page } from 'playwright-core';
import { INVOKE_BINDING, PUSH_KEY, windowApiInitScript } from './window-api-script';

/** What the handlers learn about the caller, as Electron's event.senderFrame would tell them. */
export interface FrameSender {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export type InvokeHandler = (sender: FrameSender, channel: string, request: unknown) => Promise<unknown>;

/** One thing sent to the page, serialised as the page received it. */
export interface Crossing {
  readonly kind: 'response' | 'update';
  readonly channel: string;
  readonly json: string;
}

export interface Bridge {
  /** Every response and pushed update so far, in order. */
  readonly crossings: readonly Crossing[];
  /** Calls every onCallUpdate listener in the page with `value`. */
  push(value: unknown): Promise<void>;
}

function senderOf(frame: Frame): FrameSender {
  return { url: frame.url(), isMainFrame: frame.parentFrame() === null };
}

/** Must run before the page's first navigation. */
export async function installBridge(page: Page, handle: InvokeHandler): Promise<Bridge> {
  const crossings: Crossing[] = [];
  await page.exposeBinding(INVOKE_BINDING, async (source, channel: unknown, request: unknown) => {
    const name = String(channel);
    const response = await handle(senderOf(source.frame), name, request);
    crossings.push({ kind: 'response', channel: name, json: JSON.stringify(response) ?? 'undefined' });
    return response;
  });
  await page.addInitScript(windowApiInitScript());
  return {
    crossings,
    push: async (value) => {
      crossings.push({ kind: 'update', channel: 'calls:update', json: JSON.stringify(value) });
      if (page.isClosed()) return;
      await page
        .evaluate(
          ([key, call]) => {
            const push = (globalThis as unknown as Record<symbol, ((call: unknown) => void) | undefined>)[
              Symbol.for(key)
            ];
            push?.(call);
          },
          [PUSH_KEY, value] as const,
        )
        // A page that is navigating or closing simply misses the update, as a reloading window would.
        .catch(() => undefined);
    },
  };
}
