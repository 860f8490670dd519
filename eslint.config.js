import { builtinModules } from 'node:module'
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Layer boundaries (architecture.md, pattern 1), enforced here so a wrong import fails
 * `npm test`. Each rule allows `import type`: types cross layers freely, code does not.
 */
const electronImport = {
  name: 'electron',
  message:
    'Only electron/main/shell, electron/preload and electron/main/index.ts may import electron at runtime: pass the capability in instead.',
  allowTypeImports: true,
}

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'))

/** No runtime `electron` outside the shell. */
const noElectron = {
  '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronImport] }],
}

/** The renderer: no electron, no Node built-ins, no database, no backend core. */
const rendererBoundary = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [
        electronImport,
        ...nodeBuiltins.map((name) => ({
          name,
          message: 'The renderer runs in a browser: no Node built-ins.',
          allowTypeImports: true,
        })),
      ],
      patterns: [
        {
          group: ['node:*'],
          message: 'The renderer runs in a browser: no Node built-ins.',
          allowTypeImports: true,
        },
        {
          group: [
            '**/db',
            '**/db/**',
            '**/electron/main/**',
            '**/main/core/**',
            'better-sqlite3',
            'kysely',
          ],
          message:
            'The renderer talks to the backend only through the contract (renderer/src/api).',
          allowTypeImports: true,
        },
      ],
    },
  ],
}

/** Raw ipcMain only in the validated wrapper's registration file. */
const noRawIpcMain = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "ImportSpecifier[imported.name='ipcMain']",
      message:
        'Register IPC through electron/main/shell/ipc (validated, enveloped), not raw ipcMain.',
    },
    {
      selector: "MemberExpression[property.name='ipcMain']",
      message:
        'Register IPC through electron/main/shell/ipc (validated, enveloped), not raw ipcMain.',
    },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      '.native/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/component/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [
      'electron/main/core/**',
      'electron/common/**',
      'electron/web/**',
      'db/**',
      'demo-data/**',
      'cli/**',
      'demo-insurer/**',
    ],
    rules: noElectron,
  },
  { files: ['renderer/**'], rules: rendererBoundary },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/main/shell/ipc/register.ts'],
    rules: noRawIpcMain,
  },
  {
    // Migrations follow Kysely's guide: `Kysely<any>`, because they must not import app types.
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
