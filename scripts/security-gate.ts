// `npm run security:gate` (run by `npm test`): Electronegativity over what ships (out/ and package.json, staged in a
// temp dir exactly as they sit in app.asar), failing on every finding that build/electronegativity-justified.json
// does not justify, on stale justifications, on files it could not parse, and on any `eng-disable` comment (those
// would hide a finding from the scanner itself; justifications belong in the reviewed file). Expects out/ from
// `npm run build`. The Electronegativity CLI always exits 0, hence its programmatic API here.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { judge, parseJustifications, type Finding } from './security/justify';
import { concludeGate } from './conclude-gate';

const ROOT = resolve(import.meta.dirname, '..');
const JUSTIFIED = 'build/electronegativity-justified.json';
/** Where an `eng-disable` comment could hide a finding: the shipped output and every source folder behind it. */
const COMMENT_SCAN = ['out', 'main', 'preload', 'renderer', 'common'];
/**
 * Left out, both about Electron's version: ElectronVersionJSONCheck only feeds AvailableSecurityFixesGlobalCheck,
 * which downloads Electron's release list from GitHub: a gate that changes verdict with the network and the date.
 * Electron is pinned in package.json and upgraded deliberately (docs/SECURITY.md, item 16).
 */
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck', 'electronversionjsoncheck'];

interface Issue {
  id: string;
  file: string;
  location?: { line: number };
  sample?: string;
  description: string;
  severity: { name: string };
  confidence: { name: string };
}
interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}
type Run = (options: Record<string, unknown>) => Promise<RunResult>;

const require = createRequire(import.meta.url);

function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && /\.(ts|js|cjs|mjs|vue|html)$/.test(path));
}

function engDisableComments(): string[] {
  return COMMENT_SCAN.flatMap((dir) => textFiles(join(ROOT, dir)))
    .filter((path) => readFileSync(path, 'utf8').includes('eng-disable'))
    .map((path) => relative(ROOT, path));
}

/**
 * Some global checks report a line without its text (the CSP check, when the policy is a variable): the line is
 * read from the project's copy (out/ or package.json), the same file as the staged one, so justifications can name it like any other.
 */
function sourceLine(file: string, line: number): string {
  const path = join(ROOT, file);
  if (file === 'N/A' || line < 1 || !existsSync(path)) return '';
  return readFileSync(path, 'utf8').split('\n')[line - 1] ?? '';
}

function toFinding(issue: Issue): Finding {
  const line = issue.location?.line ?? 0;
  return {
    id: issue.id,
    file: issue.file,
    line,
    sample: (issue.sample ?? sourceLine(issue.file, line)).trim(),
    description: issue.description,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
  };
}

function describe(finding: Finding): string {
  const where = finding.file === 'N/A' ? 'whole app' : `${finding.file}:${finding.line}`;
  const sample = finding.sample ? `\n      ${finding.sample.slice(0, 160)}` : '';
  return `${finding.id} [${finding.severity}/${finding.confidence}] ${where}: ${finding.description}${sample}`;
}

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, 'out/main/index.js'))) {
    console.error('security:gate scans the production build: run `npm run build` first');
    return 1;
  }
  const failures: string[] = [];
  const comments = engDisableComments();
  if (comments.length) failures.push(`eng-disable comments (justify in ${JUSTIFIED} instead): ${comments.join(', ')}`);
  const justifications = parseJustifications(JSON.parse(readFileSync(join(ROOT, JUSTIFIED), 'utf8')));

  const stage = mkdtempSync(join(tmpdir(), 'room-dialer-gate-'));
  let result: RunResult;
  try {
    cpSync(join(ROOT, 'out'), join(stage, 'out'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(stage, 'package.json'));
    const run = require('@doyensec/electronegativity') as Run;
    result = await run({
      input: stage,
      isRelative: true,
      electronVersionOverride: (require('electron/package.json') as { version: string }).version,
      excludeFromScan: EXCLUDED_CHECKS,
    });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  for (const error of result.errors) {
    if (error.tolerable) console.log(`warning: ${error.file}: ${error.message}`);
    else failures.push(`Electronegativity could not parse ${error.file}: ${error.message}`);
  }
  const verdict = judge(result.issues.map(toFinding), justifications);
  const version = (require('@doyensec/electronegativity/package.json') as { version: string }).version;
  console.log(
    `\nElectronegativity ${version}: ${result.globalChecks} global + ${result.atomicChecks} atomic checks ` +
      `(left out: ${EXCLUDED_CHECKS.join(', ')}); ${result.issues.length} findings, ` +
      `${verdict.justified.length} justified, ${verdict.unjustified.length} not justified`,
  );
  for (const { finding, reason } of verdict.justified)
    console.log(`  justified  ${describe(finding)}\n      why: ${reason}`);
  for (const finding of verdict.unjustified) failures.push(`not justified: ${describe(finding)}`);
  for (const { justification: stale, found } of verdict.stale) {
    const what = `${stale.check} in ${stale.file}${stale.sample ? ` "${stale.sample}"` : ''}`;
    failures.push(`stale justification: ${what} covers ${stale.count ?? 1} findings, found ${found}`);
  }

  return concludeGate('security:gate', failures);
}

process.exit(await main());
