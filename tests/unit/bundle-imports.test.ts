// What package:check and bench:start read from the built main process: the packages it loads at run time, and
// whether 'electron' is reached through CommonJS require (which Electron's ESM loader and the start-up test's
// stand-in do not serve). Read from syntax trees: code inside strings does not count.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleImports, packageOf } from '../../scripts/package/bundle-imports';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function bundle(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(tmpdir(), 'bundle-imports-'));
  for (const [name, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), code);
  }
  return dir;
}

describe('bundleImports', () => {
  it('lists the packages imported, dynamically imported and required, leaving out Node built-ins', () => {
    const out = bundle({
      'index.js': [
        'import { app, Menu as AppMenu } from "electron";',
        'import { z } from "zod/mini";',
        'import "node:fs";',
        'import path from "path";',
        'export * from "./chunks/shared.js";',
        'const keytar = await import("@github/keytar");',
      ].join('\n'),
      'chunks/shared.js':
        'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\nrequire("ajv");\n',
    });
    expect(bundleImports(out)).toEqual({
      packages: ['@github/keytar', 'ajv', 'electron', 'zod'],
      electronNames: ['Menu', 'app'],
      electronRequiredBy: [],
    });
  });

  it("names the files that require('electron'), under any name the bundler or minifier gave require", () => {
    const out = bundle({
      'a.js':
        'import { createRequire } from "node:module";\nvar __require = (() => createRequire(import.meta.url))();\nconst electron = __require("electron");\n',
      'b.js': 'import{createRequire as t}from"node:module";var n=t(import.meta.url);const e=n(`electron/main`);',
      'c.js': 'import electron from "electron";\nexport default electron;\n',
    });
    const found = bundleImports(out);
    expect(found.electronRequiredBy).toEqual(['a.js', 'b.js']);
    expect(found.packages).toEqual(['electron']);
  });

  it('does not count code inside strings (a preload script as text, generated code templates)', () => {
    const out = bundle({
      'index.js': [
        "const preload = `(${'fn'})(require('electron'))`;",
        'const template = "require(\\"ajv/dist/runtime/equal\\")";',
        'const note = \'import x from "left-pad"\';',
      ].join('\n'),
    });
    expect(bundleImports(out)).toEqual({ packages: [], electronNames: [], electronRequiredBy: [] });
  });
});

describe('packageOf', () => {
  it('keeps the scope of a scoped package and drops sub-paths', () => {
    expect(packageOf('@github/keytar/lib/keytar.js')).toBe('@github/keytar');
    expect(packageOf('electron-log/main')).toBe('electron-log');
    expect(packageOf('zod')).toBe('zod');
  });
});
