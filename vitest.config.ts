import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/**
 * Three lanes run in Node: unit and integration (core, db, common), the same time-zone
 * sensitive units again under a zone far from Japan, and React components in jsdom.
 * Playwright (tests/e2e, tests/electron) runs separately.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'node-tz-los-angeles',
          environment: 'node',
          include: ['tests/unit/common/**/*.test.ts'],
          env: { TZ: 'America/Los_Angeles' },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
})
