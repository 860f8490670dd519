import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InsurerError } from '../../../electron/main/core/insurer/errors'
import type { Reissue } from '../../../electron/main/core/insurer/wire'
import { enqueueReissue, type OutboxRow } from '../../../electron/main/core/outbox/enqueue-reissue'
import {
  RECONCILE_AFTER_MS,
  reconcileAcceptedReissues,
  settleReissue,
} from '../../../electron/main/core/outbox/settle-reissue'
import { fakeAdapter, openOutboxTestDb, STAFF, T0, type OutboxTestDb } from './fixtures'

let t: OutboxTestDb
beforeEach(async () => {
  t = await openOutboxTestDb()
})
afterEach(async () => {
  await t.close()
})

const row = (id: number) =>
  t.database.sqlite.prepare('SELECT * FROM reissue_outbox WHERE id = ?').get(id) as OutboxRow

async function accepted(contractId: number, remoteId: string): Promise<number> {
  const queued = await enqueueReissue(
    t.database,
    { contractId, kind: 'password', reason: 'x', requestedBy: STAFF },
    T0,
  )
  t.database.sqlite
    .prepare(
      `UPDATE reissue_outbox SET state = 'accepted', remote_reissue_id = ?, accepted_at = ? WHERE id = ?`,
    )
    .run(remoteId, T0, queued.id)
  return queued.id
}

describe('settleReissue (the sync engine’s entry point)', () => {
  it('finishes an accepted row by remote id, once', async () => {
    const ok = await accepted(t.contracts.a1, 'rs_1')
    const bounced = await accepted(t.contracts.a2, 'rs_2')
    expect(
      await settleReissue(
        t.database.db,
        { remoteReissueId: 'rs_1', status: 'completed', at: T0 + 5 },
        T0 + 9,
      ),
    ).toBe(true)
    expect(row(ok)).toMatchObject({
      state: 'completed',
      finished_at: T0 + 5,
      last_error_code: null,
    })
    const failure = {
      remoteReissueId: 'rs_2',
      status: 'failed',
      failureCode: 'bounced_mailbox_full',
      at: T0 + 6,
    } as const
    expect(await settleReissue(t.database.db, failure, T0 + 9)).toBe(true)
    expect(row(bounced)).toMatchObject({ state: 'failed', last_error_code: 'bounced_mailbox_full' })
    expect(row(bounced).last_error_message).toContain('mailbox full')
    // Replayed events and unknown ids change nothing.
    expect(await settleReissue(t.database.db, failure, T0 + 10)).toBe(false)
    expect(
      await settleReissue(
        t.database.db,
        { remoteReissueId: 'rs_x', status: 'completed', at: T0 },
        T0,
      ),
    ).toBe(false)
    expect(row(ok).state).toBe('completed')
  })

  it('works inside the caller’s transaction and rolls back with it', async () => {
    const id = await accepted(t.contracts.a1, 'rs_1')
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await settleReissue(trx, { remoteReissueId: 'rs_1', status: 'completed', at: T0 }, T0)
        throw new Error('cursor write failed')
      }),
    ).rejects.toThrow('cursor write failed')
    expect(row(id).state).toBe('accepted')
  })
})

describe('reconcileAcceptedReissues', () => {
  it('asks the insurer about accepted rows the feed has not settled', async () => {
    const done = await accepted(t.contracts.a1, 'rs_1')
    const pending = await accepted(t.contracts.a2, 'rs_2')
    const statusOf: Record<string, Reissue['status']> = { rs_1: 'completed', rs_2: 'accepted' }
    const adapter = fakeAdapter(() => {
      throw new Error('not used')
    })
    adapter.getReissue = async (id) => ({
      id,
      policyNumber: 'p',
      kind: 'password',
      status: statusOf[id]!,
      acceptedAt: new Date(T0).toISOString(),
      completedAt: statusOf[id] === 'completed' ? new Date(T0 + 60_000).toISOString() : null,
      failureCode: null,
    })
    const tooEarly = await reconcileAcceptedReissues({
      database: t.database,
      adapterFor: () => adapter,
      now: () => T0 + RECONCILE_AFTER_MS - 1,
    })
    expect(tooEarly).toEqual({ checked: 0, settled: 0 })
    const result = await reconcileAcceptedReissues({
      database: t.database,
      adapterFor: () => adapter,
      now: () => T0 + RECONCILE_AFTER_MS,
    })
    expect(result).toEqual({ checked: 2, settled: 1 })
    expect(row(done)).toMatchObject({ state: 'completed', finished_at: T0 + 60_000 })
    expect(row(pending).state).toBe('accepted')

    // Offline: stops for this run, changes nothing.
    adapter.getReissue = () =>
      Promise.reject(new InsurerError('offline', { operation: 'getReissue' }))
    expect(
      await reconcileAcceptedReissues({
        database: t.database,
        adapterFor: () => adapter,
        now: () => T0 + 2 * RECONCILE_AFTER_MS,
      }),
    ).toEqual({ checked: 0, settled: 0 })
  })
})
