// The window's Element Plus styles come per component, as built CSS files linked by the page (the strict style-src
// CSP allows no injected <style>), never the whole library's stylesheet: the renderer build's own plugin list
// (electron.vite.config.ts) is run on a component import here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';

const RENDERER_SRC = fileURLToPath(new URL('../../renderer/src', import.meta.url));

function rendererPlugin(name: string): Plugin {
  const renderer = (config as { renderer?: { plugins?: unknown[] } }).renderer;
  const plugin = (renderer?.plugins ?? []).flat().find((p) => (p as Plugin | undefined)?.name === name);
  if (!plugin) throw new Error(`the renderer build has no ${name}`);
  return plugin as Plugin;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.(ts|vue|css)$/.test(entry.name) ? [file] : [];
  });
}

describe('Element Plus styles in the window', () => {
  it('come with each component imported, as the built CSS of that component', async () => {
    const plugin = rendererPlugin('unplugin-element-plus');
    type Transform = (code: string, id: string) => Promise<{ code: string } | undefined>;
    const hook = plugin.transform as Transform | { handler: Transform };
    const transform = typeof hook === 'function' ? hook : hook.handler;
    const out = await transform.call(
      {},
      "import { ElButton, ElNotification } from 'element-plus';\nexport { ElButton, ElNotification };",
      '/app/renderer/src/x.ts',
    );
    expect(out?.code).toContain("import 'element-plus/es/components/button/style/css'");
    expect(out?.code).toContain("import 'element-plus/es/components/notification/style/css'");
    expect(out?.code).not.toMatch(/style\/index|\.scss/);
  });

  it("are never the whole library's stylesheet", () => {
    const whole = sources(RENDERER_SRC).filter((file) =>
      /element-plus\/(dist\/index\.css|theme-chalk\/index\.css|theme-chalk\/src)/.test(readFileSync(file, 'utf8')),
    );
    expect(whole).toEqual([]);
  });
});
