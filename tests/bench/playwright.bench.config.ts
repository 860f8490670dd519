import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

/**
 * Chromium benchmarks (`npx playwright test -c tests/bench/playwright.bench.config.ts`):
 * the e2e settings and browser, its own folder, one long test at a time.
 */
const web = base.projects?.find((p) => p.name === 'web')

export default defineConfig({
  ...base,
  outputDir: '../../test-results/bench-chromium',
  reporter: [['list']],
  timeout: 600_000,
  projects: [
    {
      ...web,
      name: 'bench-chromium',
      testDir: './chromium',
      // Playwright's trace snapshots the DOM around every action in the page being timed:
      // measured here, it added about a third to a keystroke's time. Time the app, not that.
      use: { ...web?.use, trace: 'off', screenshot: 'off' },
    },
  ],
})
