import { afterEach, describe, expect, it } from 'vitest'
import { InsurerError } from '../../../electron/main/core/insurer/errors'
import { addNote, addOutboxRow } from '../../unit/sync/sync-db'
import { DAY, scalar, startSyncHarness, syncStateRow, type SyncHarness } from './harness'

describe('sync × demo insurer: 410 resync and faults', () => {
  let h: SyncHarness
  afterEach(() => h.close())

  it('a 410 on the feed resyncs in full and keeps every local row', async () => {
    h = await startSyncHarness({ contracts: 600, changeRetention: 50 })
    await h.sync()
    const contract = h.database.sqlite
      .prepare(`SELECT id, policy_number FROM contracts ORDER BY id LIMIT 1 OFFSET 10`)
      .get() as { id: number; policy_number: string }
    const noteId = addNote(h.database, contract.id, 'local memo')
    const outboxId = addOutboxRow(h.database, {
      contractId: contract.id,
      key: 'k-410',
      state: 'queued',
      remoteId: null,
    })
    h.database.sqlite
      .prepare(`UPDATE contracts SET staff_id = 'st-040', branch_id = 'br-osaka' WHERE id = ?`)
      .run(contract.id)
    const localBefore = {
      notes: h.database.sqlite.prepare('SELECT * FROM notes').all(),
      outbox: h.database.sqlite.prepare('SELECT * FROM reissue_outbox').all(),
    }

    h.advance(3 * DAY) // far more than 50 feed items: the saved cursor falls out of retention
    const summary = await h.sync()
    expect(summary).toMatchObject({ resynced: true, snapshotComplete: true, hasMore: false })
    const { cache, insurer } = h.hashes()
    expect(cache).toEqual(insurer)
    expect(cache.contracts).toBe(600)

    const after = h.database.sqlite
      .prepare('SELECT id, staff_id, branch_id, deleted_at FROM contracts WHERE policy_number = ?')
      .get(contract.policy_number)
    expect(after).toEqual({
      id: contract.id,
      staff_id: 'st-040',
      branch_id: 'br-osaka',
      deleted_at: null,
    })
    expect(h.database.sqlite.prepare('SELECT * FROM notes').all()).toEqual(localBefore.notes)
    expect(h.database.sqlite.prepare('SELECT * FROM reissue_outbox').all()).toEqual(
      localBefore.outbox,
    )
    expect([noteId, outboxId]).toEqual([expect.any(Number), expect.any(Number)])
    expect(scalar(h.database, 'SELECT count(*) AS n FROM contracts')).toBe(600)
    expect(syncStateRow(h.database)).toMatchObject({ snapshot_complete: 1, last_error_code: null })

    // The new cursor works: the next delta needs no resync.
    h.advance(DAY / 4)
    expect((await h.sync()).resynced).toBe(false)
    expect(h.hashes().cache).toEqual(h.hashes().insurer)
  })

  it('converges under errors, drops, latency, a rate limit and 1-second tokens', async () => {
    h = await startSyncHarness({
      contracts: 800,
      faults: {
        errorRate: 0.1,
        dropRate: 0.05,
        latencyMs: 5,
        rateLimitPerSecond: 40,
        tokenTtlSeconds: 1,
      },
    })
    await h.sync()
    expect(h.hashes().cache).toEqual(h.hashes().insurer)
    for (let i = 0; i < 2; i++) {
      h.advance(DAY)
      await h.sync()
      expect(h.hashes().cache).toEqual(h.hashes().insurer)
    }
    // The faults really happened: more requests than pages.
    const pages = h.requests.filter((r) => r.path !== '/oauth/token').length
    expect(pages).toBeGreaterThan(8 + 2)
  })

  it('records an insurer error in sync_state and lets it propagate (site closed)', async () => {
    h = await startSyncHarness({ contracts: 200 })
    await h.sync()
    h.server.setFaults({ forcedClosure: true })
    const error = await h.sync({ now: () => new Date() }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InsurerError)
    expect(error).toMatchObject({ kind: 'site_closed' })
    expect((error as InsurerError).reopensAt).toBeInstanceOf(Date)
    const state = syncStateRow(h.database)
    expect(state).toMatchObject({ last_error_code: 'site_closed', snapshot_complete: 1 })
    expect(String(state.last_error_message)).toContain('受付時間外')
    expect(Number(state.last_attempt_at)).toBeGreaterThan(Number(state.last_success_at))

    h.server.setFaults({ forcedClosure: false })
    await h.sync()
    expect(syncStateRow(h.database)).toMatchObject({
      last_error_code: null,
      last_error_message: null,
    })
  })
})
