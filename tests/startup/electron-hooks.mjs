// Module resolve hook for the start-up child (registered by child.mjs with node:module register()): `import … from
// 'electron'` gets electron-facade.mjs, the recording stand-in. CommonJS `require('electron')` (electron-log, or a
// bundle's createRequire) is left to resolve as usual, to the file drive.ts put the stand-in in require.cache for:
// Node 20 does not send require through this hook, and a newer Node that does must not hand CommonJS the facade.
let facadeUrl;

export function initialize(data) {
  facadeUrl = data.facadeUrl;
}

export async function resolve(specifier, context, nextResolve) {
  const required = context.conditions?.includes('require') ?? false;
  if (specifier === 'electron' && !required) return { url: facadeUrl, shortCircuit: true };
  // electron/main, electron/common…: not implemented, and must not fall through to the real package.
  if (specifier.startsWith('electron/')) {
    throw new Error(`electron stand-in: '${specifier}' is not implemented (tests/startup/electron-hooks.mjs)`);
  }
  return nextResolve(specifier, context);
}
