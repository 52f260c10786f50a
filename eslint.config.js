// ESLint flat config: typescript-eslint on every workspace, plus the import boundaries of
// DESIGN.md §2 — imports flow one way, and packages/metadata stays free of Node built-ins.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'url',
]

/** Patterns a layer may not import, as no-restricted-imports groups. */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
})

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/*.tsbuildinfo', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/**/*.ts', 'schemas/**/*.ts'],
    rules: forbid(
      [
        '@objectos/engine',
        '@objectos/engine/*',
        '@objectos/renderer',
        '@objectos/renderer/*',
        '@objectos/studio',
        '@objectos/studio/*',
        '**/engine/**',
        '**/renderer/**',
        '**/studio/**',
      ],
      'packages/* and schemas/ are libraries: they never import engine, renderer or studio.',
    ),
  },
  {
    files: ['packages/metadata/src/**/*.ts'],
    ignores: ['packages/metadata/src/**/*.test.ts'],
    rules: forbid(
      [
        ...nodeBuiltins,
        '@objectos/cli',
        '@objectos/cli/*',
        '@objectos/engine',
        '@objectos/engine/*',
        '**/engine/**',
        '**/renderer/**',
        '**/studio/**',
      ],
      'packages/metadata is isomorphic (Studio runs it in the browser): no Node built-ins, no CLI, no engine.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'studio/**/*.{ts,tsx}'],
    rules: forbid(
      ['@objectos/engine', '@objectos/engine/*', '**/engine/**'],
      'renderer and studio talk to the engine over HTTP only.',
    ),
  },
)
