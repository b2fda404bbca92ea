// Lint: the recommended JS and TypeScript rules, with type information off so it runs in seconds.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.next/**', 'data/**', 'bench-out/**', 'src/payload-types.ts', 'apps/cms/app/(payload)/admin/importMap.js', 'apps/cms/migrations/*.ts', '**/next-env.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      // A handler declared before the server that calls it, assigned once ready, is read before assignment.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // The Next configs are plain ES modules run by Node (see apps/cms/next.config.mjs).
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
)
