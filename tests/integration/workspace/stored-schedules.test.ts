import { afterEach, describe, expect, it } from 'vitest'
import { SCHEDULE_RULES_VERSION } from '../../../electron/common/domain/schedule-version'
import {
  refreshSchedules,
  SCHEDULE_VERSION_SETTING,
} from '../../../electron/main/core/workspace/schedule-backfill'
import { migrateTo, migrateToLatest } from '../../../db/migrate'
import { expectSchedulesMatchState } from '../../support/stored-schedules'
import { DAY, startSyncHarness, type SyncHarness } from '../sync/harness'

/**
 * Today's list reads the schedule each contract stores (migration 0007) instead of the rules;
 * these tests hold every writer to "stored = computed from the stored state".
 */
let harness: SyncHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const storedVersion = (h: SyncHarness) =>
  h.database.sqlite
    .prepare('SELECT value FROM app_settings WHERE key = ?')
    .pluck()
    .get(SCHEDULE_VERSION_SETTING)

describe('stored today schedules', () => {
  it('are written by the initial sync and follow every later change from the insurer', async () => {
    harness = await startSyncHarness({ contracts: 300 })
    await harness.sync()
    expect(expectSchedulesMatchState(harness.database)).toBe(300)
    const before = harness.database.sqlite
      .prepare('SELECT sum(today_due_from), sum(stuck1_from) FROM contracts')
      .raw()
      .get()
    // A week of the insurer's simulation: mails sent and delivered, logins, procedures.
    harness.advance(7 * DAY, DAY / 4)
    await harness.sync()
    expectSchedulesMatchState(harness.database)
    const after = harness.database.sqlite
      .prepare('SELECT sum(today_due_from), sum(stuck1_from) FROM contracts')
      .raw()
      .get()
    expect(after).not.toEqual(before)
  }, 60_000)

  it('are recomputed when the stored ones come from other rules, and only then', async () => {
    harness = await startSyncHarness({ contracts: 300 })
    await harness.sync()
    const { sqlite } = harness.database
    // The harness migrates without startCore: no version recorded yet, so all are recomputed.
    expect(storedVersion(harness)).toBeUndefined()
    expect(refreshSchedules(sqlite)).toBe(300)
    expect(storedVersion(harness)).toBe(String(SCHEDULE_RULES_VERSION))
    expect(refreshSchedules(sqlite)).toBe(0)

    const indexes = () =>
      sqlite
        .prepare(`SELECT name, sql FROM sqlite_master WHERE tbl_name = 'contracts' ORDER BY name`)
        .all()
    const before = indexes()
    sqlite.exec(`UPDATE contracts SET today_due_from = NULL, stuck1_from = 1, stuck2_since = 2`)
    sqlite
      .prepare('UPDATE app_settings SET value = ? WHERE key = ?')
      .run('0', SCHEDULE_VERSION_SETTING)
    expect(refreshSchedules(sqlite)).toBe(300)
    expect(expectSchedulesMatchState(harness.database)).toBe(300)
    expect(storedVersion(harness)).toBe(String(SCHEDULE_RULES_VERSION))
    // The recompute drops the schedule indexes while it writes, and builds them again.
    expect(indexes()).toEqual(before)
    expect(before.map((i) => (i as { name: string }).name)).toContain('contracts_due_all')
  }, 60_000)

  it('are filled after migration 0007 on a database that had contracts before it', async () => {
    harness = await startSyncHarness({ contracts: 300 })
    await harness.sync()
    const { db, sqlite } = harness.database
    await migrateTo(db, '0006_triage')
    const columns = sqlite.prepare('PRAGMA table_info(contracts)').all() as Array<{ name: string }>
    expect(columns.map((c) => c.name)).not.toContain('today_due_from')
    await migrateToLatest(db)
    expect(
      sqlite
        .prepare('SELECT count(*) FROM contracts WHERE today_due_from IS NOT NULL')
        .pluck()
        .get(),
    ).toBe(0)
    expect(refreshSchedules(sqlite)).toBe(300)
    expect(expectSchedulesMatchState(harness.database)).toBe(300)
  }, 60_000)
})
