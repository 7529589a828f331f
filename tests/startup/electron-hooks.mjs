// Module hooks for the start-up child (registered by child.mjs with node:module register()):
//   - `import … from 'electron'` gets electron-facade.mjs, the recording stand-in. CommonJS `require('electron')`
//     (electron-log, or a bundle's createRequire) is left to resolve as usual, to the file drive.ts put the stand-in
//     in require.cache for: Node 20 does not send require through this hook, and a newer Node that does must not hand
//     CommonJS the facade.
//   - Every module of the built main process (out/main) that is asked for is written to a log, in order, as it is
//     asked for: which files a start (or a second copy that quits at the lock) loads. Written when the request
//     reaches this hook, before anything is awaited, so an import() asked for earlier is in the log once a later
//     one has been answered (drive.ts relies on that).
//   - One file of out/main may be made to fail to load, as a broken or missing chunk would.
import { appendFileSync } from 'node:fs';

let facadeUrl;
let appDirUrl;
let modulesLog;
let failToLoadUrl;

export function initialize(data) {
  facadeUrl = data.facadeUrl;
  appDirUrl = data.appDirUrl;
  modulesLog = data.modulesLog;
  failToLoadUrl = data.failToLoadUrl;
}

/** The URL a specifier names, when it can be told without resolving (a URL, or a path relative to its importer). */
function targetOf(specifier, parentURL) {
  if (URL.canParse(specifier)) return new URL(specifier).href;
  if (parentURL && (specifier.startsWith('./') || specifier.startsWith('../')))
    return new URL(specifier, parentURL).href;
  return undefined;
}

export async function resolve(specifier, context, nextResolve) {
  const target = targetOf(specifier, context.parentURL);
  if (modulesLog && target?.startsWith(appDirUrl)) appendFileSync(modulesLog, `${target.slice(appDirUrl.length)}\n`);
  const required = context.conditions?.includes('require') ?? false;
  if (specifier === 'electron' && !required) return { url: facadeUrl, shortCircuit: true };
  // electron/main, electron/common…: not implemented, and must not fall through to the real package.
  if (specifier.startsWith('electron/')) {
    throw new Error(`electron stand-in: '${specifier}' is not implemented (tests/startup/electron-hooks.mjs)`);
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url === failToLoadUrl) {
    throw new Error(`start-up test: ${url.slice(appDirUrl.length)} could not be loaded (made to fail on purpose)`);
  }
  return nextLoad(url, context);
}
