// The init script that gives the page `window.roomDialer`, built by the very buildWindowApi the preload uses
// (common/window-api.ts, transpiled here, not copied), over the two bindings bridge.ts installs:
//   __roomDialerInvoke(channel, request)  → the real main-process handler's IpcResult
//   a push function under Symbol.for(PUSH_KEY) that Node calls (page.evaluate) with each pushed event and its
//   payload (a CallView on calls:update, a StagedDialEvent on dial:staged)
// The bindings are taken off `window` before any page script runs, so, as with the preload, the page sees only
// the named functions on window.roomDialer and no generic invoke.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const INVOKE_BINDING = '__roomDialerInvoke';
export const PUSH_KEY = 'room-dialer:e2e-push';
/** performance.mark name prefix set in the page when a response arrives, followed by the channel. */
export const RESPONSE_MARK = 'room-dialer:response:';

const WINDOW_API_SOURCE = fileURLToPath(new URL('../../../common/window-api.ts', import.meta.url));

/** window-api.ts as a CommonJS body. It must stay free of run-time imports (the preload bundle relies on that too). */
function transpiledWindowApi(): string {
  const source = readFileSync(WINDOW_API_SOURCE, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: 'window-api.ts',
  });
  if (/\brequire\(/.test(outputText)) {
    throw new Error('common/window-api.ts gained a run-time import; the e2e init script cannot load it');
  }
  return outputText;
}

export function windowApiInitScript(): string {
  return `(() => {
  const invokeBinding = window[${JSON.stringify(INVOKE_BINDING)}];
  delete window[${JSON.stringify(INVOKE_BINDING)}];
  if (typeof invokeBinding !== 'function') throw new Error('e2e: the invoke binding is missing');
  const module = { exports: {} };
  ((exports, module) => {
${transpiledWindowApi()}
  })(module.exports, module);
  const listeners = new Map();
  const listenersOf = (event) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    return listeners.get(event);
  };
  Object.defineProperty(window, Symbol.for(${JSON.stringify(PUSH_KEY)}), {
    value: (event, payload) => { for (const listener of [...listenersOf(event)]) listener(payload); },
  });
  const api = module.exports.buildWindowApi(
    // An answer reaches the page in a task of its own, as an Electron IPC reply does. Playwright delivers a
    // binding's result inside a DevTools command that goes on for ~100 ms after the page's callbacks with a large
    // answer (10,000 rooms), holding the next frame back; that is the harness, not the window. The mark lets the UI
    // benchmark time from "the data arrived" to "the list is on screen".
    (channel, request) =>
      invokeBinding(channel, request).then(
        (response) =>
          new Promise((resolve) => {
            const hop = new MessageChannel();
            hop.port1.onmessage = () => {
              performance.mark(${JSON.stringify(RESPONSE_MARK)} + channel);
              resolve(response);
            };
            hop.port2.postMessage(0);
          }),
      ),
    (event, listener) => {
      listenersOf(event).add(listener);
      return () => { listenersOf(event).delete(listener); };
    },
  );
  Object.defineProperty(window, 'roomDialer', { value: api, enumerable: true });
})();`;
}
