import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cancelReissue } from '../../../electron/main/core/outbox/cancel-reissue'
import { drainOutbox } from '../../../electron/main/core/outbox/drain-outbox'
import { enqueueReissue, type OutboxRow } from '../../../electron/main/core/outbox/enqueue-reissue'
import { OutboxError } from '../../../electron/main/core/outbox/errors'
import { listOutbox } from '../../../electron/main/core/outbox/list-outbox'
import { recoverOutbox } from '../../../electron/main/core/outbox/recover-outbox'
import {
  acceptedReissue,
  fakeAdapter,
  instantSleep,
  openOutboxTestDb,
  STAFF,
  T0,
  type OutboxTestDb,
} from './fixtures'

let t: OutboxTestDb
beforeEach(async () => {
  t = await openOutboxTestDb()
})
afterEach(async () => {
  await t.close()
})

const enqueue = (contractId: number, at = T0, email?: string) =>
  enqueueReissue(
    t.database,
    {
      contractId,
      kind: 'password',
      reason: '再発行希望',
      requestedBy: STAFF,
      ...(email ? { correctedEmail: email } : {}),
    },
    at,
  )
const row = (id: number) =>
  t.database.sqlite.prepare('SELECT * FROM reissue_outbox WHERE id = ?').get(id) as OutboxRow
const setState = (id: number, state: string) =>
  t.database.sqlite.prepare('UPDATE reissue_outbox SET state = ? WHERE id = ?').run(state, id)

describe('recoverOutbox', () => {
  it('turns rows left in sending into outcome_unknown, due now, and resends them with their key', async () => {
    const interrupted = await enqueue(t.contracts.a1)
    const queued = await enqueue(t.contracts.a2)
    t.database.sqlite
      .prepare(`UPDATE reissue_outbox SET state = 'sending', attempts = 1 WHERE id = ?`)
      .run(interrupted.id)
    const at = T0 + 60_000
    expect(await recoverOutbox(t.database, at)).toBe(1)
    expect(row(interrupted.id)).toMatchObject({
      state: 'outcome_unknown',
      next_attempt_at: at,
      last_error_code: 'interrupted',
      attempts: 1,
    })
    expect(row(queued.id).state).toBe('queued')
    expect(await recoverOutbox(t.database, at)).toBe(0)

    const adapter = fakeAdapter(acceptedReissue)
    await drainOutbox({
      database: t.database,
      adapterFor: () => adapter,
      now: () => at,
      sleep: instantSleep,
    })
    expect(adapter.calls.map((c) => c.key)).toContain(interrupted.idempotency_key)
    expect(row(interrupted.id)).toMatchObject({ state: 'accepted', attempts: 2 })
  })
})

describe('cancelReissue', () => {
  async function refusal(promise: Promise<unknown>): Promise<OutboxError> {
    const error = await promise.then(
      () => new Error('expected a refusal'),
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(OutboxError)
    return error as OutboxError
  }

  it('cancels a queued or needs_confirmation row, with an audit row and a timeline event', async () => {
    const queued = await enqueue(t.contracts.a1)
    const stale = await enqueue(t.contracts.a2)
    setState(stale.id, 'needs_confirmation')
    await cancelReissue(t.database, { outboxId: queued.id, cancelledBy: STAFF }, T0 + 5)
    await cancelReissue(t.database, { outboxId: stale.id, cancelledBy: STAFF }, T0 + 6)
    expect(row(queued.id)).toMatchObject({
      state: 'cancelled',
      finished_at: T0 + 5,
      next_attempt_at: null,
    })
    expect(row(stale.id).state).toBe('cancelled')
    const audit = t.database.sqlite
      .prepare(
        `SELECT action, actor_staff_id, detail_json FROM audit_log WHERE action = 'reissue.cancel'`,
      )
      .all() as Array<{ actor_staff_id: string; detail_json: string }>
    expect(audit).toHaveLength(2)
    expect(audit[0]!.actor_staff_id).toBe(STAFF)
    expect(JSON.parse(audit[1]!.detail_json)).toMatchObject({ fromState: 'needs_confirmation' })
    expect(t.count('timeline_events')).toBe(4) // two queued, two cancelled

    // A cancelled row is never sent.
    const adapter = fakeAdapter(acceptedReissue)
    await drainOutbox({
      database: t.database,
      adapterFor: () => adapter,
      now: () => T0 + 10,
      sleep: instantSleep,
    })
    expect(adapter.calls).toEqual([])
  })

  it.each(['sending', 'outcome_unknown', 'accepted'])(
    'refuses a %s row: it already went to the insurer',
    async (state) => {
      const sent = await enqueue(t.contracts.a1)
      setState(sent.id, state)
      const error = await refusal(
        cancelReissue(t.database, { outboxId: sent.id, cancelledBy: STAFF }, T0),
      )
      expect(error.code).toBe('not_cancellable')
      expect(error.messageIn('ja')).toContain('送信済み')
      expect(error.messageIn('en')).toContain('already gone to the insurer')
      expect(row(sent.id).state).toBe(state)
      expect(t.count('audit_log')).toBe(1) // only the request
    },
  )

  it.each(['completed', 'failed', 'cancelled'])('refuses a finished (%s) row', async (state) => {
    const done = await enqueue(t.contracts.a1)
    setState(done.id, state)
    const error = await refusal(
      cancelReissue(t.database, { outboxId: done.id, cancelledBy: STAFF }, T0),
    )
    expect(error.code).toBe('not_cancellable')
    expect(error.messageIn('en')).toContain('already finished')
  })

  it('refuses an unknown id', async () => {
    const error = await refusal(
      cancelReissue(t.database, { outboxId: 404, cancelledBy: STAFF }, T0),
    )
    expect(error.code).toBe('not_cancellable')
  })
})

describe('listOutbox', () => {
  it('lists newest first with the policy number and counts by state', async () => {
    const a = await enqueue(t.contracts.a1, T0, 'fixed@example.jp')
    const b = await enqueue(t.contracts.a2, T0 + 1)
    const c = await enqueue(t.contracts.other, T0 + 2)
    await enqueueReissue(
      t.database,
      {
        contractId: t.contracts.b1,
        kind: 'mypage_registration_mail',
        reason: '期限切れ',
        requestedBy: STAFF,
      },
      T0 + 3,
    )
    setState(b.id, 'outcome_unknown')
    setState(c.id, 'failed')
    const { items, counts } = await listOutbox(t.database)
    expect(items.map((i) => i.id)).toEqual([4, c.id, b.id, a.id])
    expect(items.at(-1)).toMatchObject({
      id: a.id,
      policyNumber: '1000001',
      insurerId: 'ins-a',
      kind: 'password',
      state: 'queued',
      attempts: 0,
      requestedAt: T0,
      nextAttemptAt: T0,
      emailCorrected: true,
      reason: '再発行希望',
      lastErrorCode: null,
    })
    expect(JSON.stringify(items)).not.toContain('@') // the address itself is not listed
    expect(counts).toMatchObject({ queued: 2, outcome_unknown: 1, failed: 1, pending: 3, total: 4 })

    const pending = await listOutbox(t.database, {
      states: ['queued', 'outcome_unknown'],
      limit: 2,
    })
    expect(pending.items.map((i) => i.state)).toEqual(['queued', 'outcome_unknown'])
    const forContract = await listOutbox(t.database, { contractId: t.contracts.a1 })
    expect(forContract.items.map((i) => i.id)).toEqual([a.id])
  })
})
