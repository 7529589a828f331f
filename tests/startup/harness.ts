// The test side of the start-up check: makes sure out/ is built from the current sources, compiles the child's
// TypeScript (driver, stand-in, recorder) to plain JavaScript, and runs one scenario in a child Node process, which
// reports as JSON what the app did.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { ChildConfig, ChildReport } from './report';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
export const OUT = path.join(REPO, 'out');
export const ENTRY = path.join(OUT, 'main', 'index.js');
const BUILD_OUTPUTS = [ENTRY, path.join(OUT, 'preload', 'index.cjs'), path.join(OUT, 'renderer', 'index.html')];
const BUILD_INPUTS = ['main', 'common', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json'];
/** The child's TypeScript, compiled for it by compileDriver(). */
const CHILD_SOURCES = ['recorder', 'stand-in-app', 'stand-in-web', 'electron-stand-in', 'drive'];
/** A child still running by then is stuck: it is killed and the test fails, instead of hanging the suite. */
const CHILD_LIMIT_MS = 120_000;

function newestMtime(file: string): number {
  const stats = statSync(file);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** Why out/ cannot be used as it is, or undefined when it is built from the current sources. */
function staleReason(): string | undefined {
  const missing = BUILD_OUTPUTS.find((file) => !existsSync(file));
  if (missing) return `${path.relative(REPO, missing)} is missing`;
  const built = Math.min(...BUILD_OUTPUTS.map((file) => statSync(file).mtimeMs));
  const newer = BUILD_INPUTS.find((input) => newestMtime(path.join(REPO, input)) > built);
  return newer ? `${newer} changed after the last build` : undefined;
}

/**
 * `npm test` builds right before vitest, so out/ is fresh there. Run alone (`npx vitest run tests/startup`), the
 * test builds first when out/ is missing or older than its sources: it must never judge yesterday's build.
 */
export async function ensureBuilt(): Promise<void> {
  const reason = staleReason();
  if (!reason) return;
  process.stdout.write(`start-up test: building out/ (${reason})\n`);
  const cli = path.join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build'], { cwd: REPO, env: process.env });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ code: exitCode, output }));
  });
  if (code !== 0) throw new Error(`start-up test: \`electron-vite build\` failed (exit ${code}):\n${output}`);
  const still = staleReason();
  if (still) throw new Error(`start-up test: out/ is still not usable after the build: ${still}`);
}

/**
 * The child's own TypeScript, each file on its own as plain JavaScript (types stripped, nothing bundled), into
 * `dir`. Plain Node then runs it: no TypeScript loader in the child that could also touch the app's modules.
 * Returns the path of drive.js.
 */
export function compileDriver(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const name of CHILD_SOURCES) {
    const source = readFileSync(path.join(HERE, `${name}.ts`), 'utf8');
    const { outputText, diagnostics } = ts.transpileModule(source, {
      fileName: `${name}.ts`,
      reportDiagnostics: true,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2023,
        verbatimModuleSyntax: true,
        sourceMap: false,
      },
    });
    if (diagnostics?.length) {
      const text = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');
      throw new Error(`start-up test: ${name}.ts does not compile:\n${text}`);
    }
    writeFileSync(path.join(dir, `${name}.js`), outputText);
  }
  return path.join(dir, 'drive.js');
}

export interface ChildRun {
  readonly code: number | null;
  readonly output: string;
  readonly report: ChildReport;
}

/** One scenario in its own Node process (hooks and globals stay there), with only `env` from outside. */
export async function runChild(config: ChildConfig, env: NodeJS.ProcessEnv): Promise<ChildRun> {
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const args = [path.join(HERE, 'child.mjs'), JSON.stringify(config), ...(config.argv ?? [])];
    const child = spawn(process.execPath, args, {
      cwd: REPO,
      env,
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ code: exitCode, output });
    });
  });
  if (code !== 0 || !existsSync(config.reportPath)) {
    throw new Error(`start-up child (${config.scenario}) ended with code ${code} and no report:\n${output}`);
  }
  return { code, output, report: JSON.parse(readFileSync(config.reportPath, 'utf8')) as ChildReport };
}
