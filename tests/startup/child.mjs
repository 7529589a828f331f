// The start-up child process (started by startup.test.ts): installs the recording Electron stand-in, imports the
// BUILT main process, lets drive.ts (compiled to plain JavaScript by harness.ts) play the scenario, and writes the
// report. Nothing else is loaded in between: Node loads out/main exactly as it is, with only 'electron' redirected.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(process.argv[2] ?? '{}');
const { drive } = await import(pathToFileURL(config.driver).href);
register('./electron-hooks.mjs', import.meta.url, {
  data: { facadeUrl: new URL('./electron-facade.mjs', import.meta.url).href },
});
await drive(config, () => import(pathToFileURL(config.entry).href));
