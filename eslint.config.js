// typescript-eslint with the lit, lit-a11y and wc plugins. src/core stays free of the DOM and of Lit.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

const domGlobals = ['document', 'window', 'HTMLElement', 'customElements', 'navigator', 'location', 'localStorage', 'sessionStorage'].map(
  (name) => ({ name, message: 'src/core runs in Node and Web Workers too: no DOM here.' }),
);

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', '.cache/', '.wtr-results/', 'custom-elements.json', 'coverage/', 'src/locales/es.ts', 'src/locales/locale-codes.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      'wc/guard-super-call': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` array with a derived union instead of an enum.' },
        { selector: 'TSParameterProperty', message: 'Declare the field in the class body.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...domGlobals],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['lit', 'lit/*', '@lit/*'], message: 'src/core must not depend on Lit.' }, { group: ['../components/*', '../../components/*', '../worker/*', '../../worker/*'], message: 'src/core must not import the UI.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.js', 'scripts/bench/page.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  {
    // Node scripts; those that drive Chromium hold functions that run in the page.
    files: ['scripts/**/*.{ts,mjs,js}', 'test/**/*.mjs', '*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
