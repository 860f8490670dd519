import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../db/connection'
import { migrateTo, migrateToLatest } from '../../../db/migrate'
import { demoContractAt } from '../../../demo-data/index'
import { SEED_RULE_SET, webCutoff } from '../../../electron/common/domain/insurer-rules'
import { DemoBookNotEmptyError, seedDemoBook } from '../../../electron/main/core/demo/seed-demo'
import { runDoctor } from '../../../electron/main/core/doctor'
import { setLogSink } from '../../../electron/main/core/logger'
import { tempDir } from '../../support/temp-db'

const now = Date.parse('2026-11-23T10:00:00+09:00')
let dir: ReturnType<typeof tempDir>
let database: DatabaseHandle

function count(table: string): number {
  return (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

const logLines: string[] = []
beforeAll(() => setLogSink((line) => logLines.push(line)))
afterAll(() => setLogSink((line) => process.stderr.write(`${line}\n`)))

beforeEach(async () => {
  dir = tempDir('renewal-desk-seed-')
  database = openDatabase({ path: dir.file('book.sqlite') })
  await migrateToLatest(database.db)
})

afterEach(async () => {
  await database.close()
  dir.remove()
})

describe('seedDemoBook', () => {
  it('writes 2,000 contracts with their rows, consistent keys and cutoffs', async () => {
    const progress: number[] = []
    const result = await seedDemoBook(database, {
      contracts: 2000,
      seed: 1,
      now,
      onProgress: (done, total) => {
        expect(total).toBe(2000)
        progress.push(done)
      },
    })
    expect(result).toEqual({ contracts: 2000 })
    expect(progress.at(-1)).toBe(2000)
    expect(count('contracts')).toBe(2000)
    expect(count('clients')).toBe(2000)
    expect(count('credential_mail_state')).toBe(2000)
    expect(count('renewal_progress')).toBe(2000)
    expect(count('insurers')).toBe(2)
    expect(count('branches')).toBe(6)
    expect(count('staff')).toBeGreaterThanOrEqual(36)
    expect(count('timeline_events')).toBeGreaterThan(500)
    expect(count('audit_log')).toBe(1)
    expect(database.sqlite.pragma('foreign_key_check')).toEqual([])

    const rows = database.sqlite
      .prepare('SELECT maturity_date, web_cutoff_at FROM contracts')
      .all() as { maturity_date: string; web_cutoff_at: number }[]
    for (const row of rows) {
      expect(row.web_cutoff_at).toBe(webCutoff(row.maturity_date, SEED_RULE_SET).getTime())
    }

    // The stored row is the generated contract.
    const generated = demoContractAt({ seed: 1, contracts: 2000, now }, 1234)
    const stored = database.sqlite
      .prepare(
        `SELECT c.policy_number, c.renewal_status, p.step, m.id_mail_status, m.mypage_status
         FROM contracts c JOIN renewal_progress p ON p.contract_id = c.id
         JOIN credential_mail_state m ON m.contract_id = c.id WHERE c.id = 1235`,
      )
      .get()
    expect(stored).toEqual({
      policy_number: generated.policyNumber,
      renewal_status: generated.renewalStatus,
      step: generated.progress.step,
      id_mail_status: generated.mail.idMail.status,
      mypage_status: generated.mail.mypage.status,
    })

    const insurers = database.sqlite
      .prepare('SELECT id, is_demo, web_cutoff_time FROM insurers')
      .all()
    expect(insurers).toEqual([
      { id: 'demo-a', is_demo: 1, web_cutoff_time: '23:55' },
      { id: 'demo-b', is_demo: 1, web_cutoff_time: '23:55' },
    ])
  })

  it('keeps timeline details to codes, never personal data', async () => {
    await seedDemoBook(database, { contracts: 500, seed: 2, now })
    const details = database.sqlite
      .prepare('SELECT DISTINCT detail_json AS d FROM timeline_events')
      .all() as {
      d: string
    }[]
    for (const { d } of details) {
      for (const value of Object.values(JSON.parse(d) as Record<string, unknown>)) {
        expect(String(value)).toMatch(/^[a-z_0-9]+$/)
      }
    }
  })

  it('refuses a database that already has contracts, unless replace is set', async () => {
    await seedDemoBook(database, { contracts: 300, seed: 1, now })
    await expect(seedDemoBook(database, { contracts: 200, seed: 2, now })).rejects.toThrow(
      DemoBookNotEmptyError,
    )
    await expect(seedDemoBook(database, { contracts: 200, seed: 2, now })).rejects.toThrow(
      /300 contracts; use --replace/,
    )
    expect(count('contracts')).toBe(300)

    await seedDemoBook(database, { contracts: 200, seed: 2, now, replace: true })
    expect(count('contracts')).toBe(200)
    expect(count('clients')).toBe(200)
    expect(count('credential_mail_state')).toBe(200)
    // The audit log is append-only: both seeds are recorded.
    expect(count('audit_log')).toBe(2)
    expect(database.sqlite.pragma('foreign_key_check')).toEqual([])
    const first = database.sqlite.prepare('SELECT min(id) AS id FROM contracts').get()
    expect(first).toEqual({ id: 1 })
  })

  it('validates options before writing anything', async () => {
    await expect(seedDemoBook(database, { contracts: 50, seed: 1, now })).rejects.toThrow(
      /contracts/,
    )
    expect(count('insurers')).toBe(0)
  })

  it('rolls back a failing chunk whole', async () => {
    // A trigger that fails on the 15,001st contract: the first chunk (10k) stays, the second
    // leaves nothing behind.
    database.sqlite.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON contracts
      WHEN NEW.id = 15001 BEGIN SELECT RAISE(ABORT, 'boom'); END`)
    await expect(seedDemoBook(database, { contracts: 20_000, seed: 1, now })).rejects.toThrow(
      /boom/,
    )
    expect(count('contracts')).toBe(10_000)
    expect(count('clients')).toBe(10_000)
    expect(count('renewal_progress')).toBe(10_000)
    expect(database.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})

describe('runDoctor', () => {
  it('reports a seeded database as healthy, with row counts', async () => {
    await seedDemoBook(database, { contracts: 2000, seed: 1, now })
    const report = await runDoctor(database)
    expect(report.ok).toBe(true)
    expect(report.integrity).toBe('ok')
    expect(report.foreignKeyViolations).toBe(0)
    expect(report.schemaVersion).toBe(report.latestSchemaVersion)
    expect(report.counts.contracts).toBe(2000)
    expect(Object.keys(report.counts)).toHaveLength(16)
    expect(report.problems).toEqual([])
  })

  it('logs only ids and counts while seeding', () => {
    expect(logLines.length).toBeGreaterThan(0)
    for (const line of logLines) expect(line).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]|@/)
  })

  it('flags a schema behind the latest', async () => {
    const old = openDatabase({ path: dir.file('old.sqlite') })
    try {
      await migrateTo(old.db, '0001_contract_book')
      const report = await runDoctor(old)
      expect(report.ok).toBe(false)
      expect(report.schemaVersion).toBe(1)
      expect(report.counts.contracts).toBe(0)
      expect(report.counts).not.toHaveProperty('timeline_events')
      expect(report.problems.join()).toMatch(/behind/)
    } finally {
      await old.close()
    }
  })

  it('flags foreign-key violations', async () => {
    await seedDemoBook(database, { contracts: 200, seed: 1, now })
    database.sqlite.pragma('foreign_keys = OFF')
    database.sqlite.prepare('DELETE FROM clients WHERE id = 5').run()
    database.sqlite.pragma('foreign_keys = ON')
    const report = await runDoctor(database)
    expect(report.ok).toBe(false)
    expect(report.foreignKeyViolations).toBe(1)
  })
})
