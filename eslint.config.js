// ESLint flat config: typescript-eslint's strict type-aware rules over the sources and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'samples/**/*.json', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Locale order would make which record is "the trigger" depend on the machine's LANG.
      'no-restricted-properties': [
        'error',
        { property: 'localeCompare', message: 'Use compareText from src/core/order.ts: one code-unit order everywhere.' },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'samples/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
