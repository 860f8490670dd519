// `npm test`: every check and every test lane, in order. Runs them all so one report shows
// every failure, exits non-zero if any failed, and ends with the runners' summary lines.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { electronBinary } from './electron-binary.mjs'

const isWindows = process.platform === 'win32'
const results = []

function step(name, command, args, { skipIf } = {}) {
  if (skipIf) {
    results.push({ name, status: 'not run', detail: skipIf })
    return false
  }
  process.stdout.write(`\n━━ ${name} ━━ ${command} ${args.join(' ')}\n`)
  const started = Date.now()
  const run = spawnSync(command, args, {
    stdio: 'inherit',
    shell: isWindows,
    env: { ...process.env, FORCE_COLOR: '1' },
  })
  const ok = run.status === 0
  results.push({
    name,
    status: ok ? 'passed' : 'FAILED',
    detail: `${((Date.now() - started) / 1000).toFixed(1)} s`,
  })
  return ok
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

rmSync('test-results/vitest.json', { force: true })
rmSync('test-results/playwright.json', { force: true })
mkdirSync('test-results', { recursive: true })

step('native module for Node', process.execPath, ['scripts/native.mjs', 'node'])
step('typecheck', 'npm', ['run', '--silent', 'typecheck'])
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0'])
step('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn'])
step('vitest (unit, integration, components)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
])
const built = step('build (electron-vite)', 'npx', ['electron-vite', 'build', '--logLevel', 'warn'])
step('playwright (web e2e in Chromium; Electron suite)', 'npx', ['playwright', 'test'], {
  skipIf: built ? undefined : 'build failed',
})

const vitest = readJson('test-results/vitest.json')
const playwright = readJson('test-results/playwright.json')
const v = vitest
  ? {
      passed: vitest.numPassedTests,
      failed: vitest.numFailedTests,
      skipped: vitest.numPendingTests + vitest.numTodoTests,
    }
  : null
const p = playwright
  ? {
      passed: playwright.stats.expected + playwright.stats.flaky,
      failed: playwright.stats.unexpected,
      skipped: playwright.stats.skipped,
    }
  : null

process.stdout.write('\n━━ summary ━━\n')
for (const r of results) process.stdout.write(`  ${r.status.padEnd(8)} ${r.name} (${r.detail})\n`)
if (!electronBinary()) {
  process.stdout.write(
    '\n  *** SKIPPED: the Electron desktop suite (tests/electron) — no Electron binary here.\n' +
      '      Install it with `npx install-electron --no` to run it. Everything else ran. ***\n',
  )
}
process.stdout.write('\n')
if (v)
  process.stdout.write(`vitest: ${v.passed} passed, ${v.failed} failed, ${v.skipped} skipped\n`)
else process.stdout.write('vitest: no report (it did not finish)\n')
if (p)
  process.stdout.write(`playwright: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped\n`)
else process.stdout.write('playwright: no report (it did not run)\n')

const failedSteps = results.filter((r) => r.status !== 'passed').length
const total = {
  passed: (v?.passed ?? 0) + (p?.passed ?? 0),
  failed: (v?.failed ?? 0) + (p?.failed ?? 0) + (v ? 0 : 1) + (p ? 0 : 1),
  skipped: (v?.skipped ?? 0) + (p?.skipped ?? 0),
}
if (failedSteps > 0 && total.failed === 0) total.failed = failedSteps
process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`)
process.exit(failedSteps > 0 || total.failed > 0 ? 1 : 0)
