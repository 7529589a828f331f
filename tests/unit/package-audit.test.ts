// The app.asar audit of `npm run package:check` over made-up listings: a clean archive passes, and each thing the
// archive must not hold is caught by name.
import { describe, expect, it } from 'vitest';
import type { AsarFile } from '../../scripts/package/asar-listing';
import { auditAsar, packageFolder, type AuditContext } from '../../scripts/package/audit-asar';

const file = (path: string, unpacked = false): AsarFile => ({ path, size: 10, unpacked });

const CLEAN: AsarFile[] = [
  file('package.json'),
  file('out/main/index.js'),
  file('out/preload/index.cjs'),
  file('out/renderer/index.html'),
  file('node_modules/zod/package.json'),
  file('node_modules/electron-store/index.js'),
  file('node_modules/conf/dist/index.js'),
  file('node_modules/@github/keytar/lib/keytar.js', true),
  file('node_modules/@github/keytar/prebuilds/linux-x64/keytar.node', true),
];

const CONTEXT: AuditContext = {
  main: 'out/main/index.js',
  dependencies: ['zod', 'electron-store', '@github/keytar'],
  devDependencies: ['vitest', 'conf'],
  lockPackages: {
    'node_modules/zod': {},
    'node_modules/electron-store': {},
    'node_modules/conf': {},
    'node_modules/@github/keytar': {},
    'node_modules/vitest': { dev: true },
  },
  keytarPrebuild: 'linux-x64',
};

function failuresWith(...extra: AsarFile[]): string[] {
  return auditAsar([...CLEAN, ...extra], CONTEXT).failures;
}

describe('auditAsar', () => {
  it('passes a clean archive and explains a devDependency that a runtime dependency needs', () => {
    const result = auditAsar(CLEAN, CONTEXT);
    expect(result.failures).toEqual([]);
    expect(result.notes).toEqual(['conf is a devDependency, shipped because a runtime dependency needs it']);
    expect(result.packages).toEqual([
      'node_modules/@github/keytar',
      'node_modules/conf',
      'node_modules/electron-store',
      'node_modules/zod',
    ]);
  });

  it('requires package.json, the main entry and each built folder', () => {
    const result = auditAsar(
      CLEAN.filter((entry) => !['package.json', 'out/main/index.js', 'out/preload/index.cjs'].includes(entry.path)),
      CONTEXT,
    );
    expect(result.failures).toEqual([
      'app.asar lacks package.json',
      'app.asar lacks out/main/index.js',
      'app.asar has nothing under out/main/',
      'app.asar has nothing under out/preload/',
    ]);
  });

  it('catches project sources, sources inside dependencies, maps and tests', () => {
    expect(failuresWith(file('main/index.ts'))).toEqual([
      'app.asar holds files outside out/, node_modules/ and package.json: main/index.ts',
      'app.asar holds source files: main/index.ts',
    ]);
    expect(failuresWith(file('node_modules/zod/src/index.ts'))).toEqual([
      'app.asar holds source files: node_modules/zod/src/index.ts',
    ]);
    expect(failuresWith(file('out/renderer/App.vue'))).toEqual(['app.asar holds source files: out/renderer/App.vue']);
    expect(failuresWith(file('out/main/index.js.map'))).toEqual(['app.asar holds source maps: out/main/index.js.map']);
    expect(failuresWith(file('node_modules/zod/tests/a.js'), file('out/main/x.spec.mjs'))).toEqual([
      'app.asar holds tests: node_modules/zod/tests/a.js, out/main/x.spec.mjs',
    ]);
  });

  it('catches development-only and unknown packages, and a missing runtime dependency', () => {
    expect(failuresWith(file('node_modules/vitest/package.json'))).toEqual([
      'app.asar holds node_modules/vitest, a development-only package',
    ]);
    expect(failuresWith(file('node_modules/zod/node_modules/left-pad/index.js'))).toEqual([
      'app.asar holds node_modules/zod/node_modules/left-pad, which package-lock.json does not know',
    ]);
    const withoutZod = CLEAN.filter((entry) => !entry.path.startsWith('node_modules/zod/'));
    expect(auditAsar(withoutZod, CONTEXT).failures).toEqual(['app.asar lacks the runtime dependency zod']);
  });

  it("keeps only the target's keytar prebuild, unpacked, and not keytar's build folder", () => {
    expect(failuresWith(file('node_modules/@github/keytar/prebuilds/win32-x64/keytar.node', true))).toEqual([
      'keytar prebuilds for other targets are packaged: win32-x64',
    ]);
    expect(failuresWith(file('node_modules/@github/keytar/build/Release/keytar.node', true))).toEqual([
      "node_modules/@github/keytar/build/ is packaged: it holds the build machine's binary, not the target's",
    ]);
    const packed = CLEAN.map((entry) => (entry.path.endsWith('.node') ? { ...entry, unpacked: false } : entry));
    expect(auditAsar(packed, CONTEXT).failures).toEqual([
      'node_modules/@github/keytar/prebuilds/linux-x64/keytar.node is inside app.asar: a native module must be unpacked to load',
      'node_modules/@github/keytar/prebuilds/linux-x64/keytar.node is not unpacked',
    ]);
  });
});

describe('packageFolder', () => {
  it('finds plain, scoped and nested package folders', () => {
    expect(packageFolder('node_modules/zod/v4/index.js')).toBe('node_modules/zod');
    expect(packageFolder('node_modules/@github/keytar/lib/keytar.js')).toBe('node_modules/@github/keytar');
    expect(packageFolder('node_modules/a/node_modules/@s/b/x.js')).toBe('node_modules/a/node_modules/@s/b');
    expect(packageFolder('out/main/index.js')).toBeNull();
  });
});
