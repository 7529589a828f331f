// Module resolve hook for the start-up child (registered by child.mjs with node:module register()): `import … from
// 'electron'` gets electron-facade.mjs, the recording stand-in. CommonJS `require('electron')` (electron-log, or a
// bundle's createRequire) does not pass through this hook on Node 20; drive.ts covers it through require.cache.
let facadeUrl;

export function initialize(data) {
  facadeUrl = data.facadeUrl;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: facadeUrl, shortCircuit: true };
  // electron/main, electron/common…: not implemented, and must not fall through to the real package.
  if (specifier.startsWith('electron/')) {
    throw new Error(`electron stand-in: '${specifier}' is not implemented (tests/startup/electron-hooks.mjs)`);
  }
  return nextResolve(specifier, context);
}
