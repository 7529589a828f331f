// The Electron shell's security decisions, from the real modules the shell attaches to Electron's hooks
// (main/shell/electron/security.ts and main-window.ts only forward to these): the CSP, the webPreferences, the
// navigation, redirect, window-open and download decisions, the permission decision, and what app:// serves.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN as IPC_APP_ORIGIN, allowedOriginsFor } from '../../main/ipc/sender';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  resolveAppRequest,
} from '../../main/shell/app-protocol';
import { createAppProtocolHandler } from '../../main/shell/app-protocol-handler';
import { APP_CSP, buildCsp, withSecurityHeaders } from '../../main/shell/csp';
import { applyCspMeta, CSP_META_TAG, cspMetaPlugin, META_CSP } from '../../main/shell/csp-meta-plugin';
import { allowedExternalUrl, HELP_LINKS } from '../../main/shell/external-links';
import {
  decideDownload,
  decideNavigation,
  decideRedirect,
  decideWindowOpen,
  isAppUrl,
} from '../../main/shell/navigation';
import { decidePermission } from '../../main/shell/permissions';
import { rendererEntry } from '../../main/shell/renderer-entry';
import { secureWebPreferences, WEB_PREFERENCES } from '../../main/shell/web-preferences';

/** "a b; c d" → { a: ['b'], c: ['d'] }, failing on a directive given twice. */
function parseCsp(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives[name], `${name} appears twice`).toBeUndefined();
    directives[name] = sources;
  }
  return directives;
}

const PROD_ORIGINS = allowedOriginsFor();
const DEV_URL = 'http://localhost:5173/';
const DEV_ORIGINS = allowedOriginsFor(DEV_URL);

describe('Content-Security-Policy', () => {
  it('is the strict policy in the packaged app', () => {
    expect(APP_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    const csp = parseCsp(APP_CSP);
    expect(csp['default-src']).toEqual(["'none'"]);
    for (const directive of ['script-src', 'style-src', 'connect-src']) expect(csp[directive]).toEqual(["'self'"]);
    for (const directive of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(csp[directive]).toEqual(["'none'"]);
    }
  });

  it('never allows inline or eval scripts, wildcards, or remote hosts, in any mode', () => {
    for (const policy of [APP_CSP, buildCsp({ devServerUrl: DEV_URL }), buildCsp({ delivery: 'meta' })]) {
      expect(policy).not.toMatch(/unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:(?!\/\/localhost:5173)/);
      expect(parseCsp(policy)['script-src']?.join(' ')).not.toContain('unsafe-inline');
    }
  });

  it("adds the dev server (and its HMR websocket) only in dev, with inline styles for Vite's injected <style>", () => {
    const dev = parseCsp(buildCsp({ devServerUrl: DEV_URL }));
    expect(dev['script-src']).toEqual(["'self'", 'http://localhost:5173']);
    expect(dev['connect-src']).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(dev['style-src']).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(dev['default-src']).toEqual(["'none'"]);
    expect(() => buildCsp({ devServerUrl: 'file:///tmp/x' })).toThrow(/must be http/);
    expect(() => buildCsp({ devServerUrl: 'not a url' })).toThrow(/not a URL/);
  });

  it('leaves frame-ancestors out of the <meta> form, which browsers ignore there', () => {
    const meta = parseCsp(buildCsp({ delivery: 'meta' }));
    expect(meta['frame-ancestors']).toBeUndefined();
    const { ['frame-ancestors']: _dropped, ...headerRest } = parseCsp(APP_CSP);
    expect(meta).toEqual(headerRest);
  });

  it('replaces any Content-Security-Policy a response brings, in any letter case, and turns sniffing off', () => {
    const headers = withSecurityHeaders(
      {
        'content-security-policy': ['default-src *'],
        'X-Content-Type-Options': ['whatever'],
        'Content-Type': ['text/html'],
      },
      APP_CSP,
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [APP_CSP],
      'X-Content-Type-Options': ['nosniff'],
    });
    expect(withSecurityHeaders(undefined, APP_CSP)['Content-Security-Policy']).toEqual([APP_CSP]);
  });

  describe('index.html <meta> (csp-meta-plugin)', () => {
    const page = (head: string) =>
      `<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="UTF-8" />\n${head}    <title>Room Dialer</title>\n  </head>\n  <body><script type="module" src="./src/main.ts"></script></body>\n</html>`;
    const handWritten = `    <meta\n      http-equiv="Content-Security-Policy"\n      content="default-src *; script-src 'unsafe-inline'"\n    />\n`;

    it("puts exactly the shell's policy in the built page, right after the charset, before any script", () => {
      const expected = page(`    ${CSP_META_TAG}\n`);
      expect(applyCspMeta(page(handWritten), 'build')).toBe(expected);
      expect(applyCspMeta(page(''), 'build')).toBe(expected);
      expect(
        applyCspMeta(page(`    <META HTTP-EQUIV=content-security-policy CONTENT="default-src *">\n`), 'build'),
      ).toBe(expected);
      expect(CSP_META_TAG).toBe(
        `<meta http-equiv="Content-Security-Policy" content="${buildCsp({ delivery: 'meta' })}" />`,
      );
      expect(META_CSP).toBe(buildCsp({ delivery: 'meta' }));
    });

    it('serves the page without a policy tag in dev, where the header carries the dev policy', () => {
      expect(applyCspMeta(page(handWritten), 'serve')).toBe(page(''));
    });

    it("renderer/index.html's own tag states the same policy (the build would replace a different one)", () => {
      const source = readFileSync(path.resolve('renderer/index.html'), 'utf8');
      const contents = [...source.matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g)];
      expect(contents.map((match) => match[1])).toEqual([META_CSP]);
    });

    it('refuses a page without <head>', () => {
      expect(() => applyCspMeta('<p>hi</p>', 'build')).toThrow(/no <head>/);
    });

    it('runs in both modes through Vite', () => {
      const hook = cspMetaPlugin().transformIndexHtml as {
        handler: (html: string, context: { server?: unknown }) => string;
      };
      expect(hook.handler(page(''), {})).toContain(CSP_META_TAG);
      expect(hook.handler(page(handWritten), { server: {} })).toBe(page(''));
    });
  });
});

describe('webPreferences', () => {
  it('pins every security setting', () => {
    const prefs = secureWebPreferences('/opt/room-dialer/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/opt/room-dialer/out/preload/index.cjs',
    });
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    // Nothing that would widen the window's powers is ever set.
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) {
      expect(prefs).not.toHaveProperty(key);
    }
  });

  it('refuses a relative preload path, which Electron would ignore silently', () => {
    expect(() => secureWebPreferences('out/preload/index.cjs')).toThrow(/absolute/);
    expect(() => secureWebPreferences('')).toThrow(/absolute/);
  });
});

describe('navigation, redirects, new windows and downloads', () => {
  it('agrees with the IPC gate on what the app is', () => {
    expect(APP_ORIGIN).toBe(IPC_APP_ORIGIN);
    expect(APP_ORIGIN).toBe(`${APP_SCHEME}://room-dialer`);
    expect(APP_ENTRY_URL).toBe('app://room-dialer/index.html');
  });

  it('stays on the app origin', () => {
    expect(decideNavigation('app://room-dialer/index.html#/rooms', PROD_ORIGINS)).toEqual({ allow: true });
    expect(decideNavigation('app://room-dialer/other.html?x=1', PROD_ORIGINS)).toEqual({ allow: true });
    for (const url of [
      'app://evil/index.html',
      'app://room-dialer.evil.com/index.html',
      'app://room-dialer:8080/index.html',
      'file:///etc/passwd',
      'http://localhost:5173/',
      'https://example.com/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:https://example.com/6f6b',
      'chrome://settings',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(decideNavigation(url, PROD_ORIGINS), url).toEqual({ allow: false });
    }
  });

  it('allows the dev server only in dev', () => {
    expect(decideNavigation('http://localhost:5173/#/calls', DEV_ORIGINS)).toEqual({ allow: true });
    expect(decideNavigation('http://localhost:5174/', DEV_ORIGINS)).toEqual({ allow: false });
    expect(decideNavigation('http://127.0.0.1:5173/', DEV_ORIGINS)).toEqual({ allow: false });
    expect(isAppUrl('http://localhost:5173/', PROD_ORIGINS)).toBe(false);
  });

  it('sends an allowlisted help link to the system browser instead of navigating', () => {
    expect(decideNavigation('https://meeting.tencent.com/support/topic/1345', PROD_ORIGINS)).toEqual({
      allow: false,
      openExternal: 'https://meeting.tencent.com/support/topic/1345',
    });
  });

  it('never follows a redirect out of the app, not even to a help page', () => {
    expect(decideRedirect('app://room-dialer/index.html', PROD_ORIGINS)).toEqual({ allow: true });
    expect(decideRedirect('https://meeting.tencent.com/support/', PROD_ORIGINS)).toEqual({ allow: false });
    expect(decideRedirect('https://evil.example/', PROD_ORIGINS)).toEqual({ allow: false });
  });

  it('never opens a new window; help links go to the browser, everything else nowhere', () => {
    expect(decideWindowOpen('https://cloud.tencent.com/document/product/1095/83261')).toEqual({
      allow: false,
      openExternal: 'https://cloud.tencent.com/document/product/1095/83261',
    });
    for (const url of ['app://room-dialer/index.html', 'https://evil.example/', 'about:blank', 'file:///C:/x']) {
      expect(decideWindowOpen(url), url).toEqual({ allow: false });
    }
  });

  it("lets through only the page's own blob: downloads (CSV exports)", () => {
    const own = 'blob:app://room-dialer/0b7e3d6a-52b9-4a1c-9f0e-3c1b2a4d5e6f';
    expect(decideNavigation(own, PROD_ORIGINS)).toEqual({ allow: true });
    expect(decideDownload(own, PROD_ORIGINS)).toBe(true);
    expect(decideDownload('blob:http://localhost:5173/0b7e', DEV_ORIGINS)).toBe(true);
    for (const url of [
      'blob:http://localhost:5173/0b7e',
      'blob:https://evil.example/0b7e',
      'https://meeting.tencent.com/file.zip',
      'app://room-dialer/index.html',
      'data:text/csv,a',
      'file:///etc/passwd',
    ]) {
      expect(decideDownload(url, PROD_ORIGINS), url).toBe(false);
    }
  });
});

describe('external link allowlist', () => {
  it('opens https links to the Tencent help hosts, canonicalised', () => {
    expect(allowedExternalUrl('https://meeting.tencent.com/support/')).toBe('https://meeting.tencent.com/support/');
    expect(allowedExternalUrl('https://CLOUD.tencent.com/document/product/1095')).toBe(
      'https://cloud.tencent.com/document/product/1095',
    );
    for (const link of Object.values(HELP_LINKS)) expect(allowedExternalUrl(link)).toBe(link);
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://meeting.tencent.com/support/',
      'https://meeting.tencent.com.evil.com/',
      'https://evil.com/?https://meeting.tencent.com/',
      'https://user:pw@meeting.tencent.com/',
      'https://meeting.tencent.com@evil.com/',
      'https://meeting.tencent.com:8443/',
      'https://sub.meeting.tencent.com/',
      'https://meeting.tencent.com./',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-settings:',
      `https://meeting.tencent.com/${'a'.repeat(2100)}`,
      '',
    ]) {
      expect(allowedExternalUrl(url), url).toBeNull();
    }
    expect(allowedExternalUrl(42)).toBeNull();
    expect(allowedExternalUrl(undefined)).toBeNull();
  });
});

describe('permissions', () => {
  it('refuses every permission Electron can ask about', () => {
    const permissions = [
      'clipboard-read',
      'clipboard-sanitized-write',
      'deprecated-sync-clipboard-read',
      'display-capture',
      'fileSystem',
      'fullscreen',
      'geolocation',
      'hid',
      'idle-detection',
      'keyboardLock',
      'media',
      'mediaKeySystem',
      'midi',
      'midiSysex',
      'notifications',
      'openExternal',
      'pointerLock',
      'serial',
      'speaker-selection',
      'storage-access',
      'top-level-storage-access',
      'usb',
      'window-management',
      'unknown',
      'device',
    ];
    for (const permission of permissions) {
      expect(decidePermission({ permission, origin: APP_ORIGIN }), permission).toBe(false);
      expect(decidePermission({ permission, origin: 'http://localhost:5173' }), permission).toBe(false);
    }
  });
});

describe('renderer entry', () => {
  it('loads app://room-dialer/index.html in the packaged app', () => {
    expect(rendererEntry({})).toEqual({ url: APP_ENTRY_URL, dev: false, appOrigins: [APP_ORIGIN], csp: APP_CSP });
  });

  it('loads the dev server in dev, but only one on this machine over http', () => {
    const entry = rendererEntry({ ELECTRON_RENDERER_URL: DEV_URL });
    expect(entry).toEqual({
      url: DEV_URL,
      dev: true,
      appOrigins: [APP_ORIGIN, 'http://localhost:5173'],
      csp: buildCsp({ devServerUrl: DEV_URL }),
    });
    expect(() => rendererEntry({ ELECTRON_RENDERER_URL: 'https://evil.example/' })).toThrow(/on this machine/);
    expect(() => rendererEntry({ ELECTRON_RENDERER_URL: 'file:///tmp/index.html' })).toThrow(/on this machine/);
    expect(() => rendererEntry({ ELECTRON_RENDERER_URL: '::' })).toThrow(/not a URL/);
  });
});

describe('app:// path resolution', () => {
  const root = path.resolve('/srv/app/out/renderer');

  it('serves files under the root with their MIME type, and index.html for /', () => {
    const cases: [string, string, string][] = [
      ['app://room-dialer/', 'index.html', 'text/html; charset=utf-8'],
      ['app://room-dialer/index.html?x=1#/rooms', 'index.html', 'text/html; charset=utf-8'],
      ['app://room-dialer/assets/index-CGAErgBY.js', 'assets/index-CGAErgBY.js', 'text/javascript; charset=utf-8'],
      ['app://room-dialer/assets/index-Dx1.css', 'assets/index-Dx1.css', 'text/css; charset=utf-8'],
      ['app://room-dialer/assets/element-icons.WOFF2', 'assets/element-icons.WOFF2', 'font/woff2'],
      ['app://room-dialer/icon.svg', 'icon.svg', 'image/svg+xml'],
      ['app://room-dialer/assets/logo.png', 'assets/logo.png', 'image/png'],
      ['app://room-dialer/assets/%E4%BC%9A%E8%AE%AE.png', 'assets/会议.png', 'image/png'],
    ];
    for (const [url, file, mimeType] of cases) {
      expect(resolveAppRequest(url, root), url).toEqual({ ok: true, filePath: path.join(root, file), mimeType });
    }
  });

  it('answers 404 for traversal in every encoding, other hosts, absolute paths and unknown types', () => {
    for (const url of [
      'app://room-dialer/../secret.txt',
      'app://room-dialer/assets/../../etc/passwd',
      'app://room-dialer/%2e%2e/%2e%2e/etc/passwd.txt',
      'app://room-dialer/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd.txt',
      'app://room-dialer/.%2e/x.js',
      'app://room-dialer/..%5c..%5cwindows%5cwin.ini.txt',
      'app://room-dialer/assets%2F..%2F..%2Fx.js',
      'app://room-dialer//etc/passwd.txt',
      'app://room-dialer/C:/Windows/win.ini.txt',
      'app://room-dialer/C%3A%5CWindows%5Cwin.ini.txt',
      'app://room-dialer/index.html%00.png',
      'app://room-dialer/%zz.js',
      'app://room-dialer/./index.html',
      'app://room-dialer/.env.json',
      'app://room-dialer/assets/',
      'app://room-dialer/main.ts',
      'app://room-dialer/package',
      'app://other-host/index.html',
      'app://room-dialer.evil/index.html',
      'app://room-dialer:99/index.html',
      'app://user@room-dialer/index.html',
      'app://ROOM-DIALER/index.html',
      'file:///etc/passwd',
      'https://room-dialer/index.html',
      'app:///etc/passwd',
      'app:room-dialer/index.html',
      '',
    ]) {
      const result = resolveAppRequest(url, root);
      expect(result.ok, url).toBe(false);
      expect(result).toMatchObject({ status: 404 });
    }
  });

  it('needs an absolute root', () => {
    expect(() => resolveAppRequest('app://room-dialer/', 'out/renderer')).toThrow(/absolute/);
  });

  it('registers app:// as standard and secure with fetch, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('app:// handler on disk', () => {
  let dir: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'room-dialer-protocol-'));
    root = path.join(dir, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Room Dialer</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'outside.js'), 'secret()');
    // A link inside the root that points outside it, and a directory with a file-like name.
    symlinkSync(path.join(dir, 'outside.js'), path.join(root, 'assets', 'link.js'));
    mkdirSync(path.join(root, 'folder.js'));
    handler = createAppProtocolHandler({ rootDir: root, csp: APP_CSP });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await handler(new Request('app://room-dialer/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const index = await handler(new Request('app://room-dialer/'));
    expect(await index.text()).toContain('<title>Room Dialer</title>');
  });

  it('answers 404, with the CSP, for missing files, directories, symlinks out of the root and traversal', async () => {
    for (const url of [
      'app://room-dialer/missing.js',
      'app://room-dialer/folder.js',
      'app://room-dialer/assets/link.js',
      'app://room-dialer/%2e%2e/outside.js',
      'app://room-dialer/assets/app.js/x.js',
      'app://other/index.html',
    ]) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('Not found');
      expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler(new Request('app://room-dialer/assets/app.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handler(new Request('app://room-dialer/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
