// First step of `npm start`, `npm run dev` and `npm run demo`: is the Electron binary there? Without it they would
// build for a minute and then die with electron-vite's bare "Electron uninstall". electron's install script
// downloads the binary and records it in node_modules/electron/path.txt; it is skipped when
// ELECTRON_SKIP_BINARY_DOWNLOAD is set (offline CI), blocked by npm 11 unless allowScripts allows it, and fails
// without network. This reads the binary's place the way node_modules/electron/index.js does.
// `--electron-dir <dir>` checks another electron package folder (the tests use a fake one).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

/** Why Electron cannot be launched, in one sentence; undefined when the binary is in place. */
function electronProblem(electronDir: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (electronDir === undefined || !existsSync(join(electronDir, 'package.json'))) {
    return 'the electron package itself is missing from node_modules (run npm ci first)';
  }
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const binary = join(override, executable || 'electron');
    return existsSync(binary) ? undefined : `ELECTRON_OVERRIDE_DIST_PATH is set, but ${binary} does not exist`;
  }
  if (executable === undefined || executable === '') {
    return "the Electron binary was never downloaded (node_modules/electron/path.txt is missing: electron's install script was skipped, blocked or failed)";
  }
  const binary = join(electronDir, 'dist', executable);
  if (!existsSync(binary)) return `the Electron binary ${binary} is missing`;
  const wanted = (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version?: string }).version;
  const versionFile = join(electronDir, 'dist', 'version');
  const installed = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') : undefined;
  if (wanted && installed && installed !== wanted) {
    return `the downloaded Electron is ${installed}, but this project needs ${wanted}`;
  }
  return undefined;
}

/** What to do about it: the install command, the proxy/mirror/offline notes, and that tests do not need it. */
function electronAdvice(problem: string, env: NodeJS.ProcessEnv): string {
  const skipping = env['ELECTRON_SKIP_BINARY_DOWNLOAD']
    ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set in this shell: the install script does nothing until it is unset.'
    : 'ELECTRON_SKIP_BINARY_DOWNLOAD=1 (set by offline CI) makes the install script skip the download.';
  return [
    `Room Dialer cannot start: ${problem}.`,
    '',
    'Install the Electron binary (a download of about 100 MB from GitHub), then run the command again:',
    '  node node_modules/electron/install.js',
    '',
    'Behind a proxy, or where GitHub is slow or blocked:',
    '  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/   download from a mirror instead of GitHub',
    '  ELECTRON_GET_USE_PROXY=1 GLOBAL_AGENT_HTTPS_PROXY=http://proxy:port   go through an HTTP(S) proxy',
    skipping,
    '',
    'npm test does not need the binary: no test launches Electron.',
  ].join('\n');
}

function defaultElectronDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

const { values } = parseArgs({ options: { 'electron-dir': { type: 'string' } }, strict: true });
const problem = electronProblem(values['electron-dir'] ?? defaultElectronDir(), process.env);
if (problem !== undefined) {
  process.stderr.write(`${electronAdvice(problem, process.env)}\n`);
  process.exitCode = 1;
}
