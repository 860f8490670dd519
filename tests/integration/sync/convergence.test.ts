import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prepareContractWriter } from '../../../electron/main/core/sync/apply-contract'
import type { SyncProgress } from '../../../electron/main/core/sync/sync-run'
import { sampleContract } from '../../unit/insurer/fixtures'
import { addNote } from '../../unit/sync/sync-db'
import { staleCopies } from '../../support/state-copies'
import { DAY, INSURER, scalar, startSyncHarness, syncStateRow, type SyncHarness } from './harness'

/**
 * One demo insurer, one cache, driven through a realistic life: a first sync, simulated days
 * of activity each followed by a delta, a replayed feed. After every sync the cache must hash
 * equal to the insurer's own state.
 */
describe('sync × demo insurer: convergence', () => {
  let h: SyncHarness
  beforeAll(async () => {
    h = await startSyncHarness({ contracts: 1000 })
  })
  afterAll(() => h.close())

  let cursorAfterSnapshot: string
  let gone: number

  it('initial sync: the cache equals the insurer; contracts it does not list are tombstoned', async () => {
    // A contract the insurer no longer has (say, from an older import), with local notes.
    const writer = prepareContractWriter(h.database.sqlite, INSURER)
    h.database.sqlite.transaction(() => writer.apply(sampleContract('0-GONE', 1), 1))()
    gone = writer.contractId('0-GONE') ?? -1
    const noteId = addNote(h.database, gone)

    const progress: SyncProgress[] = []
    const summary = await h.sync({ onProgress: (p) => progress.push(p) })
    expect(summary).toMatchObject({ snapshotComplete: true, resynced: false, tombstoned: 1 })
    expect(summary.contractsUpserted).toBe(1000)
    const { cache, insurer } = h.hashes()
    expect(cache).toEqual(insurer)
    expect(cache.contracts).toBe(1000)

    const state = syncStateRow(h.database)
    expect(state).toMatchObject({
      snapshot_complete: 1,
      snapshot_cursor: null,
      last_error_code: null,
    })
    expect(state.last_success_at).toEqual(expect.any(Number))
    cursorAfterSnapshot = String(state.change_cursor)

    // Kept, only marked: its notes stay with it.
    expect(
      scalar(h.database, 'SELECT deleted_at IS NOT NULL AS n FROM contracts WHERE id = ?', gone),
    ).toBe(1)
    expect(scalar(h.database, 'SELECT count(*) AS n FROM notes WHERE id = ?', noteId)).toBe(1)
    // The list's state indexes see the tombstone too (their copies, migration 0013).
    expect(staleCopies(h.database.sqlite)).toEqual([])

    const snapshot = progress.filter((p) => p.phase === 'snapshot')
    expect(snapshot.at(-1)).toMatchObject({ done: 1000, total: 1000, etaMs: 0 })
    expect(snapshot.map((p) => p.done)).toEqual(
      [...snapshot.map((p) => p.done)].sort((a, b) => a - b),
    )
  })

  it('delta sync after each simulated day converges again, events land once each', async () => {
    let events = 0
    for (let day = 0; day < 4; day++) {
      h.advance(DAY)
      const summary = await h.sync()
      expect(summary.hasMore).toBe(false)
      events += summary.events
      const { cache, insurer } = h.hashes()
      expect(cache).toEqual(insurer)
      expect(staleCopies(h.database.sqlite)).toEqual([])
    }
    expect(events).toBeGreaterThan(50)
    const timeline = scalar(
      h.database,
      `SELECT count(*) AS n FROM timeline_events WHERE source = 'insurer'`,
    )
    expect(timeline).toBe(events)
    expect(scalar(h.database, 'SELECT count(DISTINCT remote_seq) AS n FROM timeline_events')).toBe(
      timeline,
    )
    // Codes only: nothing that looks like an email address or a name made it into details.
    expect(
      scalar(h.database, `SELECT count(*) AS n FROM timeline_events WHERE detail_json LIKE '%@%'`),
    ).toBe(0)
  })

  it('replaying the whole feed from an old cursor changes nothing', async () => {
    const before = h.hashes().cache
    const timeline = scalar(h.database, 'SELECT count(*) AS n FROM timeline_events')
    h.database.sqlite
      .prepare('UPDATE sync_state SET change_cursor = ? WHERE insurer_id = ?')
      .run(cursorAfterSnapshot, INSURER)
    const replay = await h.sync()
    expect(replay).toMatchObject({
      contractsUpserted: 0,
      events: 0,
      tombstoned: 0,
      resynced: false,
    })
    expect(replay.pages).toBeGreaterThan(1)
    expect(h.hashes().cache).toEqual(before)
    expect(scalar(h.database, 'SELECT count(*) AS n FROM timeline_events')).toBe(timeline)
    // And once more with nothing new: an idle poll.
    expect(await h.sync()).toMatchObject({ pages: 1, contractsUpserted: 0, events: 0 })
  })

  it('a bounded delta stops with hasMore and the next call picks up from the saved cursor', async () => {
    h.advance(DAY)
    const first = await h.sync({ pageSize: 10, maxChangePages: 2 })
    expect(first).toMatchObject({ pages: 2, hasMore: true })
    expect(syncStateRow(h.database).last_success_at).toEqual(expect.any(Number))
    const rest = await h.sync({ pageSize: 10, maxChangePages: 1000 })
    expect(rest.hasMore).toBe(false)
    expect(h.hashes().cache).toEqual(h.hashes().insurer)
  })

  it('keeps a local reassignment through later insurer updates', async () => {
    // Pick a contract the next simulated days are likely to touch: one still in progress.
    const ids = h.database.sqlite
      .prepare(
        `SELECT id FROM contracts WHERE deleted_at IS NULL AND renewal_status IN ('not_started', 'in_progress') ORDER BY id LIMIT 200`,
      )
      .all() as { id: number }[]
    const update = h.database.sqlite.prepare(
      `UPDATE contracts SET staff_id = 'st-040', branch_id = 'br-osaka' WHERE id = ?`,
    )
    for (const { id } of ids) update.run(id)
    const versions = new Map(
      (
        h.database.sqlite.prepare('SELECT id, remote_version AS v FROM contracts').all() as {
          id: number
          v: string
        }[]
      ).map((r) => [r.id, r.v]),
    )
    h.advance(2 * DAY)
    await h.sync()
    expect(h.hashes().cache).toEqual(h.hashes().insurer)
    const rows = h.database.sqlite
      .prepare(
        `SELECT id, staff_id, branch_id, remote_version AS v FROM contracts WHERE id IN (${ids.map((r) => r.id).join(',')})`,
      )
      .all() as { id: number; staff_id: string; branch_id: string; v: string }[]
    const updated = rows.filter((r) => r.v !== versions.get(r.id))
    expect(updated.length).toBeGreaterThan(0)
    for (const r of rows) expect([r.staff_id, r.branch_id]).toEqual(['st-040', 'br-osaka'])
  })
})
