import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'zlib', 'worker_threads', 'util', 'events', 'process'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', '.scratch/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // lib/ is pure: it runs in Node and in the task pane. Only the CLI and the Node adapters touch the machine.
    files: ['lib/**/*.ts'],
    ignores: ['lib/cli/**', 'lib/node/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['node:*', ...nodeBuiltins], message: 'lib/ must stay pure (Node and browser): move I/O to lib/cli or lib/node.' }],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'lib/ must stay pure: pass what you need as an argument.' }],
    },
  },
  {
    // The task pane and the ribbon's function command: Office.js discipline, browser only.
    files: ['addin/src/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', ...nodeBuiltins], message: 'The pane runs in the browser inside Excel: no Node modules.' },
          { group: ['**/lib/node/*', '**/lib/cli/*'], message: 'lib/node and lib/cli are Node-only: the pane cannot bundle them.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The pane runs in the browser: there is no process.' }],
    },
  },
);
