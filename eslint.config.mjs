// ESLint (flat config, typescript-eslint). The rule that keeps the house: nothing under
// server/src/core/ imports a Node built-in, `vscode` or the LSP packages (as
// vscode-markdown-languageservice keeps its core free of them).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.vscode-test/**', 'test/fixtures/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // The existing code uses these deliberately in a few places (JSON-RPC params, test doubles).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-control-regex': 'off',
      // Comma sequences in one-line loops are house style in the reader.
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Tests and the bench load CommonJS-only helpers and write literal expected output.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-regex-spaces': 'off' },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The core is pure: hosts read files and talk to the network (server/src/host, server/src/sources).' })),
            { name: 'vscode', message: 'The core knows no editor.' },
          ],
          patterns: [{ group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*', 'vscode-uri'], message: 'The core knows no LSP: convert at the edge (server/src/lsp/convert.ts).' }],
        },
      ],
    },
  },
);
