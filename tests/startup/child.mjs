// The start-up child process (started by startup.test.ts): installs the recording Electron stand-in, imports the
// BUILT main process, lets drive.ts (compiled to plain JavaScript by harness.ts) play the scenario, and writes the
// report. Nothing else is loaded in between: Node loads out/main exactly as it is, with only 'electron' redirected
// (and, when the scenario asks for it, one of its files made to fail to load), and each of its files logged.
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(process.argv[2] ?? '{}');
const { drive } = await import(pathToFileURL(config.driver).href);
const appDirUrl = pathToFileURL(path.dirname(config.entry) + path.sep).href;
register('./electron-hooks.mjs', import.meta.url, {
  data: {
    facadeUrl: new URL('./electron-facade.mjs', import.meta.url).href,
    appDirUrl,
    modulesLog: config.modulesLog,
    failToLoadUrl: config.failToLoad ? new URL(config.failToLoad, appDirUrl).href : undefined,
  },
});
await drive(config, () => import(pathToFileURL(config.entry).href));
