// The harness itself, against a trivial page: the static server sends the CSP it is given, the page gets
// window.roomDialer from the shared buildWindowApi with no generic invoke left on window, calls reach Node with the
// calling frame's URL and main-frame flag, and pushed events reach the onCallUpdate and onStagedDial listeners.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WINDOW_API_METHODS } from '../../common/window-api';
import { MemorySecretStore } from '../helpers/memory-secret-store';
import { startAppBackend } from './harness/app-backend';
import { installBridge, type Bridge, type FrameSender, type InvokeHandler } from './harness/bridge';
import { launchChromium, newContext } from './harness/browser';
import { startStaticServer, type StaticServer } from './harness/static-server';

const CSP = "default-src 'self'; script-src 'self'; object-src 'none'";

// The page reports what it can see into #out; inline script must be refused by the CSP header.
const INDEX = `<!doctype html><html><head><meta charset="utf-8"><title>smoke</title>
<script src="/smoke.js" defer></script></head>
<body><pre id="out"></pre><pre id="updates"></pre><script>document.title = 'inline ran';</script>
<iframe id="child" src="/child.html"></iframe></body></html>`;
const CHILD = `<!doctype html><html><head><script src="/child.js" defer></script></head><body></body></html>`;
const SMOKE_JS = `
const api = window.roomDialer;
window.roomDialer.onCallUpdate((call) => { document.getElementById('updates').textContent += JSON.stringify(call) + '\\n'; });
window.roomDialer.onStagedDial((event) => { document.getElementById('updates').textContent += 'staged ' + JSON.stringify(event) + '\\n'; });
api.getAppInfo().then((answer) => {
  document.getElementById('out').textContent = JSON.stringify({
    answer,
    methods: Object.keys(api).sort(),
    frozen: Object.isFrozen(api),
    invokeVisible: '__roomDialerInvoke' in window,
    title: document.title,
  });
});`;
const CHILD_JS = `window.roomDialer.listRooms().then((answer) => { document.body.textContent = JSON.stringify(answer); });`;

let browser: Browser;
let server: StaticServer;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'room-dialer-e2e-smoke-'));
  for (const [name, text] of Object.entries({
    'index.html': INDEX,
    'child.html': CHILD,
    'smoke.js': SMOKE_JS,
    'child.js': CHILD_JS,
  })) {
    writeFileSync(path.join(root, name), text);
  }
  server = await startStaticServer({ root, headers: { 'Content-Security-Policy': CSP } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const echo: InvokeHandler = async (_sender, channel, request) => ({ ok: true, value: { channel, echo: request } });

async function openPage(
  handle: InvokeHandler = echo,
): Promise<{ page: Page; bridge: Bridge; calls: [FrameSender, string, unknown][] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const calls: [FrameSender, string, unknown][] = [];
  const bridge = await installBridge(page, async (sender, channel, request) => {
    calls.push([sender, channel, request]);
    return handle(sender, channel, request);
  });
  await page.goto(`${server.url}/`);
  return { page, bridge, calls };
}

describe('e2e harness', () => {
  it('serves files with the CSP header and refuses paths outside the root', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(await index.text()).toContain('smoke.js');
    expect((await fetch(`${server.url}/..%2f..%2fetc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.url}/smoke.js`, { method: 'POST' })).status).toBe(405);
  });

  it('gives the page exactly the named window API and carries calls and updates across', async () => {
    const { page, bridge, calls } = await openPage();
    await expect.poll(() => page.locator('#out').textContent(), { timeout: 15_000 }).not.toBe('');
    const seen = JSON.parse((await page.locator('#out').textContent()) ?? '{}') as Record<string, unknown>;
    expect(seen['answer']).toEqual({ ok: true, value: { channel: 'app:info', echo: {} } });
    expect(seen['methods']).toEqual([...Object.keys(WINDOW_API_METHODS), 'onCallUpdate', 'onStagedDial'].sort());
    expect(seen['frozen']).toBe(true);
    expect(seen['invokeVisible']).toBe(false);
    // The inline script was blocked by the CSP header.
    expect(seen['title']).toBe('smoke');

    const main = calls.find(([, channel]) => channel === 'app:info');
    expect(main?.[0]).toEqual({ url: `${server.url}/`, isMainFrame: true });
    await expect
      .poll(() => calls.find(([, channel]) => channel === 'rooms:list')?.[0])
      .toEqual({
        url: `${server.url}/child.html`,
        isMainFrame: false,
      });

    await bridge.push({ callId: 'c1', state: 'ringing' });
    await expect.poll(() => page.locator('#updates').textContent()).toContain('"state":"ringing"');
    await bridge.pushStagedDial({ kind: 'staged', dial: { meeting: '806146667', rooms: ['Lobby'] } });
    await expect.poll(() => page.locator('#updates').textContent()).toContain('staged {"kind":"staged"');
    // Each listener hears its own event only.
    expect((await page.locator('#updates').textContent())?.split('\n').filter(Boolean)).toHaveLength(2);
    expect(bridge.crossings.map((c) => `${c.kind}:${c.channel}`)).toEqual(
      expect.arrayContaining(['response:app:info', 'response:rooms:list', 'update:calls:update', 'staged:dial:staged']),
    );
    await page.context().close();
  });
});

describe('e2e harness over the real IPC gate', () => {
  it('answers the main frame and refuses the iframe, through registerHandlers and the sender check', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'room-dialer-e2e-gate-'));
    // The keychain is not the point here (the suite's scenarios use the real one): an in-memory store keeps this
    // test independent of the D-Bus session.
    const backend = startAppBackend({
      dir,
      rendererUrl: server.url,
      secretStore: new MemorySecretStore(),
      profile: 'e2e-gate',
    });
    try {
      const { page, calls } = await openPage(backend.invoke);
      await expect.poll(() => page.locator('#out').textContent(), { timeout: 15_000 }).not.toBe('');
      const seen = JSON.parse((await page.locator('#out').textContent()) ?? '{}') as { answer: unknown };
      expect(seen.answer).toMatchObject({ ok: true, value: { name: 'Room Dialer', version: 'e2e' } });
      await expect.poll(() => calls.some(([, channel]) => channel === 'rooms:list')).toBe(true);
      const child = page.frameLocator('#child').locator('body');
      await expect.poll(() => child.textContent()).toContain('"kind":"forbidden"');
      expect(backend.log.lines.join('\n')).toContain('refused a request from outside the app window');
      await page.context().close();
    } finally {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
