// Lint rules for every TypeScript file: typescript-eslint's recommended set, React hooks rules for the renderer,
// and the import direction the architecture depends on (renderer -> shared <- main; only three files import electron).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronAllowed = ['src/main/index.ts', 'src/main/hosts/electron.ts', 'src/preload/index.ts'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.native/**', 'src/main/indexer/fixtures/**', 'src/main/validator/corpus/**', 'resources/sample-project/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main/index.ts, src/main/hosts/electron.ts and src/preload/index.ts may import electron.' }] }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: electronAllowed, rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**', '**/cli/**', '**/preload/**', 'node:*'], message: 'The renderer reaches the services only through bridge.ts and src/shared.' }], paths: ['electron'] },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '**/main/**', '**/renderer/**'], message: 'src/shared is imported by both sides: no Node, DOM or electron here.' }], paths: ['electron'] }],
    },
  },
  { files: ['bin/**/*.cjs', 'scripts/**/*.{js,mjs,cjs}'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
