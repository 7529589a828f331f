// How `npm run security:gate` sorts Electronegativity findings against build/electronegativity-justified.json.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, parseJustifications, type Finding, type Justification } from '../../scripts/security/justify';

const finding = (id: string, sample: string, file = 'out/main/index.js'): Finding => ({
  id,
  file,
  line: 10,
  sample,
  description: 'Review the use of openExternal',
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
});

const REASON = 'The URL comes from a constant allowlist and is checked again before it reaches the OS.';

describe('judge', () => {
  it('justifies a finding by check, file and a piece of its line, and nothing else', () => {
    const justification: Justification = {
      check: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'out/main/index.js',
      sample: 'shell.openExternal(safe)',
      reason: REASON,
    };
    const verdict = judge(
      [
        finding('OPEN_EXTERNAL_JS_CHECK', 'await shell.openExternal(safe);'),
        finding('OPEN_EXTERNAL_JS_CHECK', 'shell.openExternal(url);'),
        finding('OPEN_EXTERNAL_JS_CHECK', 'await shell.openExternal(safe);', 'out/preload/index.cjs'),
        finding('SANDBOX_JS_CHECK', 'await shell.openExternal(safe);'),
      ],
      [justification],
    );
    expect(verdict.justified.map((j) => j.finding.sample)).toEqual(['await shell.openExternal(safe);']);
    expect(verdict.justified[0]?.reason).toBe(REASON);
    expect(verdict.unjustified.map((f) => `${f.id} ${f.file} ${f.sample}`)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK out/main/index.js shell.openExternal(url);',
      'OPEN_EXTERNAL_JS_CHECK out/preload/index.cjs await shell.openExternal(safe);',
      'SANDBOX_JS_CHECK out/main/index.js await shell.openExternal(safe);',
    ]);
    expect(verdict.stale).toEqual([]);
  });

  it('covers only as many findings as its count: a second window on a similar line is still reported', () => {
    const windows = [
      finding('SANDBOX_JS_CHECK', 'new BrowserWindow({'),
      finding('SANDBOX_JS_CHECK', 'new BrowserWindow({'),
    ];
    const one: Justification = {
      check: 'SANDBOX_JS_CHECK',
      file: 'out/main/index.js',
      sample: 'new BrowserWindow',
      reason: REASON,
    };
    expect(judge(windows, [one]).unjustified).toHaveLength(1);
    expect(judge(windows, [{ ...one, count: 2 }]).unjustified).toHaveLength(0);
  });

  it('reports a justification that matches fewer findings than its count as stale', () => {
    const one: Justification = { check: 'CSP_GLOBAL_CHECK', file: 'out/renderer/index.html', reason: REASON, count: 2 };
    const verdict = judge([finding('CSP_GLOBAL_CHECK', "script-src 'self'", 'out/renderer/index.html')], [one]);
    expect(verdict.stale).toEqual([{ justification: one, found: 1 }]);
    expect(judge([], [one]).stale).toEqual([{ justification: one, found: 0 }]);
  });
});

describe('parseJustifications', () => {
  it('reads the committed file', () => {
    const path = resolve(import.meta.dirname, '../../build/electronegativity-justified.json');
    const list = parseJustifications(JSON.parse(readFileSync(path, 'utf8')));
    expect(list.length).toBeGreaterThan(0);
    for (const entry of list) expect(entry.file.startsWith('out/') || entry.file === 'package.json').toBe(true);
  });

  it('refuses entries without a check, a file or a real reason, and bad counts, naming the field', () => {
    const parse = (entry: object) => () => parseJustifications({ justified: [entry] });
    expect(parse({ file: 'out/main/index.js', reason: REASON })).toThrow('justified[0].check');
    expect(parse({ check: 'X', reason: REASON })).toThrow('justified[0].file');
    expect(parse({ check: 'X', file: 'out/main/index.js', reason: 'fine' })).toThrow('justified[0].reason');
    expect(parse({ check: 'X', file: 'out/main/index.js', reason: REASON, count: 0 })).toThrow('justified[0].count');
    expect(() => parseJustifications({})).toThrow('"justified" must be a list');
  });
});
