// The sender check: only the main frame of a page on one of the app's origins may call the main process.
import { describe, expect, it } from 'vitest';
import { allowedOriginsFor, checkSender, originOf, senderInfoOf } from '../../main/ipc/sender';

const APP = ['app://room-dialer'];

describe('originOf', () => {
  it.each([
    ['app://room-dialer/index.html#/rooms', 'app://room-dialer'],
    ['APP://Room-Dialer/x', 'app://room-dialer'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['https://example.com:8443/a?b', 'https://example.com:8443'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each(['', 'not a url', 'file:///home/op/index.html', 'data:text/html,hi', 'about:blank', 'javascript:alert(1)'])(
    '%j has no origin that could match',
    (url) => {
      expect(originOf(url)).toBeUndefined();
    },
  );
});

describe('checkSender', () => {
  it('accepts the main frame of the app page', () => {
    expect(checkSender({ url: 'app://room-dialer/index.html', isMainFrame: true }, APP)).toEqual({ ok: true });
  });

  it('refuses a subframe even on the app origin', () => {
    expect(checkSender({ url: 'app://room-dialer/index.html', isMainFrame: false }, APP)).toEqual({
      ok: false,
      reason: 'subframe',
    });
  });

  it.each([
    'https://evil.example.com/',
    'app://room-dialer.evil/index.html',
    'app://evil/room-dialer',
    'http://localhost:5173/',
    'file:///app/index.html',
    '',
  ])('refuses the main frame of %j', (url) => {
    expect(checkSender({ url, isMainFrame: true }, APP)).toEqual({ ok: false, reason: 'origin' });
  });

  it('accepts the dev server when it is allowed', () => {
    const allowed = allowedOriginsFor('http://localhost:5173/');
    expect(allowed).toEqual(['app://room-dialer', 'http://localhost:5173']);
    expect(checkSender({ url: 'http://localhost:5173/#/settings', isMainFrame: true }, allowed).ok).toBe(true);
    expect(checkSender({ url: 'http://localhost:5174/', isMainFrame: true }, allowed).ok).toBe(false);
  });

  it('refuses values that are not what the shell builds', () => {
    const forged = { url: 'app://room-dialer/', isMainFrame: 'yes' } as unknown as {
      url: string;
      isMainFrame: boolean;
    };
    expect(checkSender(forged, APP).ok).toBe(false);
    const noUrl = { url: undefined, isMainFrame: true } as unknown as { url: string; isMainFrame: boolean };
    expect(checkSender(noUrl, APP).ok).toBe(false);
  });
});

describe('senderInfoOf', () => {
  const mainFrame = { url: 'app://room-dialer/index.html' };

  it('marks the main frame', () => {
    expect(senderInfoOf({ sender: { mainFrame }, senderFrame: mainFrame })).toEqual({
      url: 'app://room-dialer/index.html',
      isMainFrame: true,
    });
  });

  it('marks an iframe on the same origin as not the main frame', () => {
    const child = { url: 'app://room-dialer/frame.html' };
    expect(senderInfoOf({ sender: { mainFrame }, senderFrame: child }).isMainFrame).toBe(false);
  });

  it('treats a frame that is gone as a stranger', () => {
    expect(senderInfoOf({ sender: { mainFrame }, senderFrame: null })).toEqual({ url: '', isMainFrame: false });
  });
});
