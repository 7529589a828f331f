// ESLint flat config: typescript-eslint everywhere, eslint-plugin-vue for the renderer,
// and import boundaries that keep the architecture honest.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

const noImport = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'tests/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // Prettier lays out templates; these layout rules of eslint-plugin-vue would only argue with it.
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['scripts/**', 'tests/**', 'main/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // common/ is pure: used by main, preload, renderer and the CLI alike.
    files: ['common/**'],
    rules: {
      'no-restricted-imports': noImport(
        [['electron', 'node:*', '**/main/**', '**/preload/**', '**/renderer/**']],
        'common/ is pure TypeScript: no Electron, no Node built-ins, nothing from the process folders.',
      ),
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': noImport(
        [['electron', 'node:*', '**/main/**', '**/preload/**']],
        'The renderer talks to the main process only through the preload API.',
      ),
    },
  },
  {
    files: ['main/**'],
    rules: {
      'no-restricted-imports': noImport([['**/renderer/**']], 'main/ never imports the renderer.'),
    },
  },
  // Layers inside main/: api/ <- calls/ <- ipc/, shell/, cli/; store/ and vault/ are leaves. A later block replaces
  // the rule for its files, so each repeats the renderer ban.
  {
    files: ['main/api/**'],
    rules: {
      'no-restricted-imports': noImport(
        [['**/renderer/**', '**/calls/**', '**/ipc/**', '**/shell/**', '**/cli/**', '**/store/**', '**/vault/**']],
        'main/api/ is the Tencent client: it knows nothing of calls, IPC, the shell, the CLI, the store or the vault.',
      ),
    },
  },
  {
    files: ['main/calls/**'],
    rules: {
      'no-restricted-imports': noImport(
        [['**/renderer/**', '**/ipc/**', '**/shell/**', '**/cli/**']],
        'main/calls/ sits under ipc/, shell/ and cli/: they ask it, it never imports them.',
      ),
    },
  },
  {
    files: ['main/store/**', 'main/vault/**'],
    rules: {
      'no-restricted-imports': noImport(
        [['**/renderer/**', '**/calls/**', '**/ipc/**', '**/shell/**', '**/cli/**']],
        'main/store/ and main/vault/ are leaves: they import no other layer of main/.',
      ),
    },
  },
  {
    // IT's managed configuration sits beside the services: it sets up the store and the vault, never asks the dialer.
    files: ['main/managed/**'],
    rules: {
      'no-restricted-imports': noImport(
        [['**/renderer/**', '**/calls/**', '**/ipc/**', '**/shell/**']],
        'main/managed/ configures the store and the vault; the shell wires it to IPC (shell/managed-handlers.ts).',
      ),
    },
  },
  {
    files: ['scripts/**'],
    rules: {
      'no-restricted-imports': noImport(
        [['**/tests/**']],
        'scripts/ never import tests/; shared code lives in its own folder.',
      ),
    },
  },
  {
    files: ['simulator/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': noImport(
        [['**/main/**', '**/renderer/**', '**/preload/**', '**/tests/**']],
        'The simulator stands in for Tencent: it must not share code with the client it checks.',
      ),
    },
  },
);
