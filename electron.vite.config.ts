import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import ElementPlus from 'unplugin-element-plus/vite';
import { executableBinPlugin } from './main/cli/executable-bin-plugin';
import { cspMetaPlugin } from './main/shell/csp-meta-plugin';
import { messagesAsData } from './renderer/build/messages-as-data';
import { trimPinyinDictionaries } from './renderer/build/pinyin-dict';

/** The window's message files, one per language. */
const MESSAGE_FILES = [resolve('renderer/src/i18n/zh-CN.ts'), resolve('renderer/src/i18n/en-US.ts')];

// Top-level main/ preload/ renderer/ instead of electron-vite's default src/*; everything builds into out/.
export default defineConfig({
  main: {
    // out/main/cli.js is the package's room-dialer bin, run as ./out/main/cli.js: the build marks it executable.
    plugins: [executableBinPlugin('cli')],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The CLI ships beside the app's main entry: same client, same bundle rules.
        input: { index: resolve('main/index.ts'), cli: resolve('main/cli/room-dialer.ts') },
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
