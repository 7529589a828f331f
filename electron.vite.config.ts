import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { esmExternalRequirePlugin, transformWithOxc, type PluginOption } from 'vite';
import vue from '@vitejs/plugin-vue';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import ElementPlus from 'unplugin-element-plus/vite';
import { executableBinPlugin } from './main/cli/executable-bin-plugin';
import { cspMetaPlugin } from './main/shell/csp-meta-plugin';
import { messagesAsData } from './renderer/build/messages-as-data';
import { trimPinyinDictionaries } from './renderer/build/pinyin-dict';

/** The window's message files, one per language. */
const MESSAGE_FILES = [resolve('renderer/src/i18n/zh-CN.ts'), resolve('renderer/src/i18n/en-US.ts')];

const ELECTRON = ['electron', /^electron\/.+/];

/**
 * The main build bundles its pure-JS dependencies, among them electron-log, whose CommonJS `require('electron')`
 * rolldown would leave as a require through createRequire, because electron-vite lists 'electron' as a plain
 * external. Handed to rolldown's own esmExternalRequirePlugin instead, every require of it becomes
 * `import … from 'electron'` like the app's own imports: one way in, which Electron's ESM loader and the start-up
 * test's stand-in (tests/startup) both serve.
 */
function electronImportedAsEsm(): PluginOption[] {
  const isElectron = (entry: unknown) =>
    ELECTRON.some((e) => (typeof e === 'string' ? e === entry : entry instanceof RegExp && entry.source === e.source));
  return [
    {
      name: 'room-dialer:electron-external-via-esm-require',
      // After electron-vite's preset has set the externals.
      enforce: 'post',
      config(config) {
        const options = config.build?.rolldownOptions;
        if (options && Array.isArray(options.external))
          options.external = options.external.filter((e) => !isElectron(e));
      },
    },
    esmExternalRequirePlugin({ external: ELECTRON }),
  ];
}

/**
 * conf (under electron-store) declares class private fields (#field), which the parser of Electronegativity
 * (`npm run security:gate`, over out/) predates: once conf is bundled into out/main it cannot read the file at all.
 * Lowered to ES2021, the fields become WeakMaps; nothing else in the bundle uses them.
 */
function lowerPrivateFieldsOf(module: RegExp): PluginOption {
  return {
    name: 'room-dialer:lower-private-fields',
    async transform(code, id) {
      if (!module.test(id)) return null;
      const lowered = await transformWithOxc(code, id, { target: 'es2021' });
      return { code: lowered.code, map: lowered.map ?? null };
    },
  };
}

// Top-level main/ instead of electron-vite's default src/*; everything builds into out/.
export default defineConfig({
  main: {
    // out/main/cli.js is the package's room-dialer bin, run as ./out/main/cli.js: the build marks it executable.
    plugins: [
      executableBinPlugin('cli'),
      ...electronImportedAsEsm(),
      lowerPrivateFieldsOf(/[\\/]node_modules[\\/]conf[\\/]/),
    ],
    // common/ uses zod/mini (small, for the window's bundle); the main process already has the whole of zod, and
    // both flavours at once would load zod's core twice over.
    resolve: { alias: { 'zod/mini': 'zod' } },
    build: {
      outDir: 'out/main',
      // Only package.json "dependencies" stay external (electron-vite's default): @github/keytar, native. zod,
      // electron-store (with conf, ajv) and electron-log are devDependencies, bundled: Node reads a few files at
      // start instead of hundreds of modules.
      rollupOptions: {
        // The CLI ships beside the app's main entry: same client, same bundle rules.
        input: { index: resolve('main/index.ts'), cli: resolve('main/cli/room-dialer.ts') },
        // What both entries share goes into a chunk; its name carries no hash, so that the security gate's
        // justifications (build/electronegativity-justified.json, matched by file) stay valid from build to build.
        output: { chunkFileNames: 'chunks/[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module, and cannot require node_modules: one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [
      // The message files precompiled (messagesAsData hands them over as data): vue-i18n's run-time build, without
      // its message compiler, and no eval (the window's CSP has no 'unsafe-eval').
      messagesAsData(MESSAGE_FILES),
      VueI18nPlugin({
        include: MESSAGE_FILES,
        runtimeOnly: true,
        compositionOnly: true,
        fullInstall: false,
        dropMessageCompiler: true,
      }),
      vue(),
      // Each Element Plus component imported brings its own stylesheet (theme-chalk's built CSS, emitted as files
      // and linked: the strict style-src CSP allows no injected <style>), instead of the whole library's 355 kB.
      ElementPlus({ useSource: false }),
      trimPinyinDictionaries(),
      // The built index.html carries the shell's own policy; the dev server gets it as a header only.
      cspMetaPlugin(),
    ],
    define: {
      __INTLIFY_PROD_DEVTOOLS__: 'false',
    },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves output unminified; the renderer has a size budget (300 kB gzip of JS).
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
