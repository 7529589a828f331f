// `npm run demo`: the app against the local simulator, with the simulator's demo credentials.
// The simulator runs in this process; the app gets its URL and credentials through the environment.
import { spawn } from 'node:child_process';
import { demoEnv, startSimulator } from '../simulator/server';

const simulator = await startSimulator({ port: Number(process.env['SIM_PORT'] ?? 0) });
console.log(`Tencent Meeting API simulator: ${simulator.url}`);

const env = { ...process.env, ...demoEnv(simulator.url) };

const app = spawn('npx', ['electron-vite', 'dev'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
const stop = async (code: number) => {
  await simulator.close();
  process.exit(code);
};
app.on('exit', (code) => {
  if (code) {
    console.error(
      `The app exited with code ${code}. If Electron is not installed on this machine, the simulator is still ` +
        'usable from the CLI: npm run simulator, then npm run --silent cli -- --help.',
    );
  }
  void stop(code ?? 0);
});
process.on('SIGINT', () => app.kill('SIGINT'));
process.on('SIGTERM', () => app.kill('SIGTERM'));
