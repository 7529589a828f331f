// A Vite plugin for the renderer that keeps index.html's Content-Security-Policy <meta> equal to the shell's
// policy (csp.ts), so the header and the tag cannot drift apart:
// - build: the tag's policy is replaced by buildCsp({ delivery: 'meta' }) (or the tag is added when missing), a
//   second line of defence should a response ever reach the window without the header;
// - dev server: the tag is removed. Vite injects every stylesheet as a JS-created <style> element, which the
//   production policy rightly blocks, and a <meta> policy cannot be loosened by a header (the browser enforces
//   both). In dev the shell sends the dev policy as a header instead (renderer-entry.ts).
import type { Plugin } from 'vite';
import { buildCsp } from './csp';

export const META_CSP = buildCsp({ delivery: 'meta' });
export const CSP_META_TAG = `<meta http-equiv="Content-Security-Policy" content="${META_CSP}" />`;

/** Every CSP <meta> tag, whatever its attribute order, quoting or line breaks. */
const CSP_META = /[ \t]*<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>[ \t]*\r?\n?/gi;

/** index.html as it must be served: with exactly one policy tag, the shell's, in a build; with none in dev. */
export function applyCspMeta(html: string, mode: 'build' | 'serve'): string {
  const withoutPolicy = html.replace(CSP_META, '');
  if (mode === 'serve') return withoutPolicy;
  // Right after <meta charset> (which should stay first), else right after <head>: before any script or style.
  const anchor = /<meta\b[^>]*\bcharset\b[^>]*>/i.exec(withoutPolicy) ?? /<head\b[^>]*>/i.exec(withoutPolicy);
  if (!anchor) throw new Error('index.html has no <head>: the Content-Security-Policy <meta> cannot be added');
  const at = anchor.index + anchor[0].length;
  return `${withoutPolicy.slice(0, at)}\n    ${CSP_META_TAG}${withoutPolicy.slice(at)}`;
}

export function cspMetaPlugin(): Plugin {
  return {
    name: 'room-dialer-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) => applyCspMeta(html, context.server ? 'serve' : 'build'),
    },
  };
}
