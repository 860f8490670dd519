import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { URGENCY_BUCKETS } from '../../../electron/common/domain/insurer-rules'
import { STUCK_CODES } from '../../../electron/common/domain/stuck-reasons'
import { tempDir } from '../../support/temp-db'

const root = join(import.meta.dirname, '..', '..', '..')
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const NOW = '2026-11-23T10:00:00+09:00'

let dir: ReturnType<typeof tempDir>
let db: string

function cli(...args: string[]) {
  const result = spawnSync(tsx, ['cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, RENEWAL_DESK_LOG_LEVEL: 'warn', RENEWAL_DESK_DATA_DIR: dir.path },
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

interface Printed {
  total: number
  contracts: {
    policyNumber: string
    webCutoffAt: string
    urgency: string | null
    flow: string
    stuckReasons: { code: string; severity: string; text: string }[]
  }[]
}

beforeAll(() => {
  dir = tempDir('renewal-desk-cli-contracts-')
  db = dir.file('book.sqlite')
  const seeded = cli('seed-demo', '--contracts', '300', '--seed', '2', '--now', NOW, '--db', db)
  expect(seeded.code).toBe(0)
}, 60_000)
afterAll(() => dir.remove())

describe('npm run cli -- contracts', () => {
  it('prints contracts with web cutoff (+09:00), urgency and stuck reasons in Japanese', () => {
    const run = cli('contracts', '--db', db, '--json', '--now', NOW, '--limit', '300')
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout) as Printed
    expect(printed.contracts.length).toBeGreaterThan(200)
    for (const c of printed.contracts) {
      expect(c.webCutoffAt).toMatch(/^\d{4}-\d\d-\d\dT23:55:00\+09:00$/)
      if (c.urgency !== null) expect(URGENCY_BUCKETS).toContain(c.urgency)
      for (const r of c.stuckReasons) {
        expect(STUCK_CODES).toContain(r.code)
        expect(r.text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
      }
    }
    expect(printed.contracts.some((c) => c.stuckReasons.length > 0)).toBe(true)
    // Ordered by web cutoff, most urgent first.
    const cutoffs = printed.contracts.map((c) => Date.parse(c.webCutoffAt))
    expect(cutoffs).toEqual([...cutoffs].sort((a, b) => a - b))
  }, 30_000)

  it('applies --filter (repeatable, comma lists) and --limit', () => {
    const run = cli(
      'contracts',
      '--db',
      db,
      '--json',
      '--now',
      NOW,
      '--filter',
      'flow=B',
      '--filter',
      'urgency=d3,d7,d14,d30',
      '--limit',
      '5',
    )
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout) as Printed
    expect(printed.contracts.length).toBeLessThanOrEqual(5)
    expect(printed.total).toBeGreaterThan(0)
    for (const c of printed.contracts) {
      expect(c.flow).toBe('B')
      expect(['d3', 'd7', 'd14', 'd30']).toContain(c.urgency)
    }
  }, 30_000)

  it.each([
    [['--filter', 'colour=red'], /colour/],
    [['--filter', 'urgency=d5'], /urgency/],
    [['--filter', 'maturityFrom=2027-13-01'], /maturityFrom/],
    [['--filter', 'flow'], /key=value/],
  ])(
    'exits 2 naming the key for %j',
    (args, named) => {
      const run = cli('contracts', '--db', db, '--json', ...args)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(named)
      expect(run.stdout).toBe('')
    },
    30_000,
  )
})
