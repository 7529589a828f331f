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
);
