// Connects a page's window.roomDialer to handlers running in the test process: page.exposeBinding carries each
// call out, with the calling frame's URL and whether it is the main frame (so the handlers' sender checks run for
// real), and page.evaluate carries pushed events in (call updates, staged dials). Everything that crosses into the page is recorded, so the
// secret-leak test can search all of it.
import type { Frame, Page } from 'playwright-core';
import type { StagedDialEvent } from '../../../common/dial-link';
import { CALL_UPDATE_EVENT, STAGED_DIAL_EVENT, type PushEvent } from '../../../common/window-api';
import { INVOKE_BINDING, PUSH_KEY, windowApiInitScript } from './window-api-script';

/** What the handlers learn about the caller, as Electron's event.senderFrame would tell them. */
export interface FrameSender {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export type InvokeHandler = (sender: FrameSender, channel: string, request: unknown) => Promise<unknown>;

/** One thing sent to the page, serialised as the page received it. */
export interface Crossing {
  readonly kind: 'response' | 'update' | 'staged';
  readonly channel: string;
  readonly json: string;
}

export interface Bridge {
  /** Every response and pushed update so far, in order. */
  readonly crossings: readonly Crossing[];
  /** Calls every onCallUpdate listener in the page with `value`. */
  push(value: unknown): Promise<void>;
  /** Calls every onStagedDial listener in the page with `event`, as the shell does for a link (main/index.ts). */
  pushStagedDial(event: StagedDialEvent): Promise<void>;
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
  const send = async (event: PushEvent, value: unknown): Promise<void> => {
    if (page.isClosed()) return;
    await page
      .evaluate(
        ([key, name, payload]) => {
          const push = (
            globalThis as unknown as Record<symbol, ((event: string, payload: unknown) => void) | undefined>
          )[Symbol.for(key)];
          push?.(name, payload);
        },
        [PUSH_KEY, event, value] as const,
      )
      // A page that is navigating or closing simply misses the event, as a reloading window would.
      .catch(() => undefined);
  };
  return {
    crossings,
    push: async (value) => {
      crossings.push({ kind: 'update', channel: CALL_UPDATE_EVENT, json: JSON.stringify(value) });
      await send(CALL_UPDATE_EVENT, value);
    },
    pushStagedDial: async (event) => {
      crossings.push({ kind: 'staged', channel: STAGED_DIAL_EVENT, json: JSON.stringify(event) });
      await send(STAGED_DIAL_EVENT, event);
    },
  };
}
