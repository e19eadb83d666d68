import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'stream', 'zlib', 'worker_threads', 'util', 'events', 'process'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', '**/*.js', '**/*.mjs'] },
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
);
