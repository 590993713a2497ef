// ESLint (flat config): the shipped JavaScript (extension/, www/) and the tooling (tests,
// scripts). Runs in scripts/test.sh with zero errors allowed.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['dist/', 'build/', 'target/', 'node_modules/', 'fuzz/', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js', 'www/**/*.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions },
    },
  },
  {
    // Content scripts and the kit are classic scripts (see the manifest).
    files: ['extension/content/**/*.js', 'extension/ui/**/*.js', 'extension/protocol.js', 'extension/pages/popup-early.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['tests/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      // Test bodies also run in the page (page.evaluate), so browser globals are fine there.
      globals: { ...globals.node, ...globals.browser, ...globals.webextensions },
    },
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name='waitForFunction'] > :function[async=true]",
        message: "Playwright's waitForFunction takes an async function's promise for a truthy value and never waits: use until() from tests/e2e/harness.mjs.",
      }],
    },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      // `let x = null; try { x = ... } catch { x = null; }` reads better than the rule's fix.
      'no-useless-assignment': 'off',
    },
  },
];
