import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import { executableBinPlugin } from './main/cli/executable-bin-plugin';
import { cspMetaPlugin } from './main/shell/csp-meta-plugin';
import { trimPinyinDictionaries } from './renderer/build/pinyin-dict';

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
    // cspMetaPlugin: the built index.html carries the shell's own policy; the dev server gets it as a header only.
    plugins: [vue(), trimPinyinDictionaries(), cspMetaPlugin()],
    define: {
      // vue-i18n's ESM build reads these: no legacy API, no devtools, and messages compiled by its JIT (no eval, so
      // the window's CSP needs no 'unsafe-eval').
      __VUE_I18N_FULL_INSTALL__: 'false',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      __INTLIFY_JIT_COMPILATION__: 'true',
      __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
    },
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves output unminified; the renderer has a size budget (300 kB gzip of JS).
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
