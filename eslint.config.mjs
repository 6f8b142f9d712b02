// ESLint (flat config) with typescript-eslint: `npm run lint`, part of `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.vscode-test/', 'test/fixtures/', 'test/grammar/snapshots/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter or binding kept for its position or shape.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'smart'],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  {
    // Files that do one job (ARCHITECTURE.md): a source file that grows past this is split by what it does.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    // Test suites use mocha's globals (the VS Code suite) and CommonJS requires of compiled modules.
    files: ['test/**/*.{ts,mjs,js}'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The executables are CommonJS: they load the bundles in dist/ with require.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The benchmark's generator marks a reference's number as \u0001N\u0002; these read the marks.
    files: ['bench/generate.mjs', 'bench/run.mjs', 'test/fuzz/generator.test.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
