import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// The rule that keeps the architecture: a service never imports another service, libs never import
// services, workflows import only contracts and pure domain code (DESIGN.md §4).
const boundaries = (workflowsMayUse) => [
  'error',
  {
    allow: [],
    depConstraints: [
      { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:workflows'] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
      // The browser client takes only types from the contract and pure domain code (nothing of the server).
      { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:pure'] },
      { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: workflowsMayUse },
      { sourceTag: 'scope:pure', onlyDependOnLibsWithTags: ['scope:pure'] },
      { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:pure'] },
    ],
  },
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'bench/out/**', 'services/web/src/api/generated/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' }],
      '@nx/enforce-module-boundaries': boundaries(['scope:contracts', 'scope:pure']),
    },
  },
  {
    // Workflow tests run on the real Temporal test server, which the infra lib finds.
    files: ['workflows/**/*.spec.ts', 'workflows/**/*.integration-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['scope:contracts', 'scope:pure', 'scope:infra']) },
  },
];
