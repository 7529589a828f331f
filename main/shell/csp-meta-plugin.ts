// A Vite plugin for the renderer build that writes the app's CSP into index.html as a <meta>, a second line of
// defence should a response ever reach the window without the header. Build only: the dev server's styles are
// injected as <style> elements, which the production policy rightly blocks, and a <meta> policy cannot be loosened
// by the header (the browser enforces both). The text comes from csp.ts, so header and tag cannot drift apart.
import type { Plugin } from 'vite';
import { buildCsp } from './csp';

export const CSP_META_ATTRIBUTES = Object.freeze({
  'http-equiv': 'Content-Security-Policy',
  content: buildCsp({ delivery: 'meta' }),
});

export function cspMetaPlugin(): Plugin {
  return {
    name: 'room-dialer-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => {
        // A hand-written policy in index.html would be enforced alongside this one and drift from it.
        if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
          throw new Error(
            'renderer/index.html has its own Content-Security-Policy <meta>: remove it, the build adds it',
          );
        }
        return [{ tag: 'meta', attrs: { ...CSP_META_ATTRIBUTES }, injectTo: 'head-prepend' }];
      },
    },
  };
}
