import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ReissueKind } from '../../../electron/common/domain/renewal'
import type { InsurerAdapter } from '../../../electron/main/core/insurer/adapter'
import { InsurerError, type InsurerErrorKind } from '../../../electron/main/core/insurer/errors'
import { setLogSink } from '../../../electron/main/core/logger'
import { cancelReissue } from '../../../electron/main/core/outbox/cancel-reissue'
import { drainOutbox, type DrainOptions } from '../../../electron/main/core/outbox/drain-outbox'
import { enqueueReissue, type OutboxRow } from '../../../electron/main/core/outbox/enqueue-reissue'
import {
  DAY,
  MAX_HONOURED_RETRY_AFTER_MS,
  MIN_RETRY_DELAY_MS,
  OUTBOX_BACKOFF,
} from '../../../electron/main/core/outbox/policy'
import {
  acceptedReissue,
  fakeAdapter,
  INSURER,
  instantSleep,
  OTHER_INSURER,
  openOutboxTestDb,
  STAFF,
  T0,
  type OutboxTestDb,
  type ReissueCall,
} from './fixtures'

const logLines: string[] = []
beforeAll(() => setLogSink((line) => logLines.push(line)))
afterAll(() => {
  setLogSink((line) => process.stderr.write(`${line}\n`))
  // Ids and codes only: no address, no reason text.
  expect(logLines.length).toBeGreaterThan(0)
  expect(logLines.join('\n')).not.toMatch(/@|期限切れ/)
})

let t: OutboxTestDb
beforeEach(async () => {
  t = await openOutboxTestDb()
})
afterEach(async () => {
  await t.close()
})

function enqueue(contractId: number, kind: ReissueKind = 'password', at = T0, email?: string) {
  return enqueueReissue(
    t.database,
    {
      contractId,
      kind,
      reason: '期限切れ',
      requestedBy: STAFF,
      ...(email ? { correctedEmail: email } : {}),
    },
    at,
  )
}

function row(id: number): OutboxRow {
  return t.database.sqlite.prepare('SELECT * FROM reissue_outbox WHERE id = ?').get(id) as OutboxRow
}

function drain(adapter: InsurerAdapter | undefined, at = T0, options: Partial<DrainOptions> = {}) {
  return drainOutbox({
    database: t.database,
    adapterFor: () => adapter,
    now: () => at,
    sleep: instantSleep,
    random: () => 0.5,
    ...options,
  })
}

const failWith = (
  kind: InsurerErrorKind,
  extra: Partial<ConstructorParameters<typeof InsurerError>[1]> = {},
) =>
  fakeAdapter(() => {
    throw new InsurerError(kind, { operation: 'requestReissue', ...extra })
  })

describe('drainOutbox', () => {
  it('sends a due row with its key, kind, corrected email and reason; records the acceptance', async () => {
    const queued = await enqueue(t.contracts.a1, 'password', T0, 'fixed@example.jp')
    const adapter = fakeAdapter((call) => acceptedReissue(call, T0 + 500))
    const summary = await drain(adapter, T0 + 1000)
    expect(summary).toMatchObject({ sent: 1, accepted: 1, failed: 0, pausedInsurers: [] })
    expect(adapter.calls).toEqual([
      {
        policyNumber: '1000001',
        request: { kind: 'password', correctedEmail: 'fixed@example.jp', note: '期限切れ' },
        key: queued.idempotency_key,
      },
    ])
    const sent = row(queued.id)
    expect(sent).toMatchObject({
      state: 'accepted',
      attempts: 1,
      accepted_at: T0 + 500,
      next_attempt_at: null,
      last_error_code: null,
    })
    expect(sent.remote_reissue_id).toMatch(/^rs_/)
    const kinds = t.database.sqlite
      .prepare('SELECT kind FROM timeline_events ORDER BY id')
      .all()
      .map((r) => (r as { kind: string }).kind)
    expect(kinds).toEqual(['reissue.queued', 'reissue.sent'])

    // Nothing is due any more.
    expect((await drain(adapter, T0 + DAY)).sent).toBe(0)
  })

  it('does not send a row before it is due', async () => {
    await enqueue(t.contracts.a1, 'password', T0 + 10_000)
    const adapter = fakeAdapter(acceptedReissue)
    expect((await drain(adapter, T0)).sent).toBe(0)
    expect((await drain(adapter, T0 + 10_000)).sent).toBe(1)
  })

  describe('each failure kind', () => {
    const now = T0 + 1000
    const retryCeiling = OUTBOX_BACKOFF.baseMs // the first retry: ceiling = base

    it.each<[InsurerErrorKind, 'queued' | 'outcome_unknown']>([
      ['offline', 'queued'],
      ['server_error', 'queued'],
      ['unauthorized', 'queued'],
      ['busy', 'queued'],
      ['outcome_unknown', 'outcome_unknown'],
      ['invalid_response', 'outcome_unknown'],
    ])('%s → %s with a backoff, and pauses the insurer', async (kind, state) => {
      const first = await enqueue(t.contracts.a1)
      const second = await enqueue(t.contracts.a2)
      const summary = await drain(failWith(kind), now)
      expect(summary.sent).toBe(1)
      expect(summary.pausedInsurers).toEqual([{ insurerId: INSURER, code: kind }])
      const after = row(first.id)
      expect(after).toMatchObject({ state, attempts: 1, last_error_code: kind, finished_at: null })
      expect(after.next_attempt_at! - now).toBeGreaterThanOrEqual(MIN_RETRY_DELAY_MS)
      expect(after.next_attempt_at! - now).toBeLessThanOrEqual(retryCeiling)
      expect(after.last_error_message).toMatch(/.+ \/ .+/) // Japanese / English
      // Not hammered: the insurer's next row waits for the next run, untouched.
      expect(row(second.id)).toMatchObject({ state: 'queued', attempts: 0, next_attempt_at: T0 })
    })

    it('busy honours Retry-After', async () => {
      const queued = await enqueue(t.contracts.a1)
      await drain(failWith('busy', { retryAfterMs: 120_000 }), now)
      expect(row(queued.id).next_attempt_at).toBe(now + 120_000)
      // An absurd ask is capped.
      const other = await enqueue(t.contracts.a2)
      await drain(failWith('busy', { retryAfterMs: 30 * DAY }), now, { limit: 1 })
      expect(row(other.id).next_attempt_at).toBe(now + MAX_HONOURED_RETRY_AFTER_MS)
    })

    it('site_closed waits exactly until the insurer reopens', async () => {
      const queued = await enqueue(t.contracts.a1)
      const reopensAt = new Date(now + 2 * 3_600_000)
      const summary = await drain(failWith('site_closed', { reopensAt }), now)
      expect(summary).toMatchObject({ requeued: 1, pausedInsurers: [{ code: 'site_closed' }] })
      expect(row(queued.id)).toMatchObject({
        state: 'queued',
        next_attempt_at: reopensAt.getTime(),
        last_error_code: 'site_closed',
      })
    })

    it.each([
      [
        'rejected',
        { status: 422, code: 'reissue_not_allowed', title: 'No' },
        'reissue_not_allowed',
      ],
      ['rejected', { status: 422, code: 'email_invalid', title: 'No' }, 'email_invalid'],
      ['not_found', { status: 404, code: 'not_found', title: 'No' }, 'not_found'],
      ['rejected', undefined, 'rejected'],
    ] as const)('%s (%j) → failed, and blocks nothing', async (kind, problem, code) => {
      const first = await enqueue(t.contracts.a1)
      const second = await enqueue(t.contracts.a2)
      let calls = 0
      const adapter = fakeAdapter((call) => {
        calls += 1
        if (calls === 1)
          throw new InsurerError(kind, {
            operation: 'requestReissue',
            ...(problem ? { problem } : {}),
          })
        return acceptedReissue(call)
      })
      const summary = await drain(adapter, now)
      expect(summary).toMatchObject({ sent: 2, failed: 1, accepted: 1, pausedInsurers: [] })
      expect(row(first.id)).toMatchObject({
        state: 'failed',
        last_error_code: code,
        finished_at: now,
        next_attempt_at: null,
      })
      expect(row(first.id).last_error_message).toContain(' / ')
      expect(row(second.id).state).toBe('accepted')
      // A failed row is final: it is not sent again.
      expect((await drain(adapter, now + DAY)).sent).toBe(0)
    })

    it('an unexpected exception is treated as outcome_unknown, not a failure', async () => {
      const queued = await enqueue(t.contracts.a1)
      await drain(
        fakeAdapter(() => {
          throw new TypeError('boom')
        }),
        now,
      )
      expect(row(queued.id)).toMatchObject({
        state: 'outcome_unknown',
        last_error_code: 'internal_error',
      })
    })
  })

  it('resends an outcome_unknown row later with the same key until the insurer answers', async () => {
    const queued = await enqueue(t.contracts.a1)
    const keys: string[] = []
    const adapter = fakeAdapter((call, index) => {
      keys.push(call.key)
      if (index < 2) throw new InsurerError('outcome_unknown', { operation: 'requestReissue' })
      return acceptedReissue(call)
    })
    let at = T0
    for (let run = 0; run < 3; run++) {
      await drain(adapter, at)
      at = row(queued.id).next_attempt_at ?? at
    }
    expect(keys).toEqual([queued.idempotency_key, queued.idempotency_key, queued.idempotency_key])
    expect(row(queued.id)).toMatchObject({ state: 'accepted', attempts: 3 })
  })

  it('once the outcome is unknown, a later failure to get through never makes the row cancellable', async () => {
    const queued = await enqueue(t.contracts.a1)
    await drain(failWith('outcome_unknown'), T0)
    for (const kind of ['offline', 'site_closed', 'busy', 'server_error'] as const) {
      const at = row(queued.id).next_attempt_at!
      const extra = kind === 'site_closed' ? { reopensAt: new Date(at + 3_600_000) } : {}
      expect((await drain(failWith(kind, extra), at)).sent).toBe(1)
      expect(row(queued.id).state).toBe('outcome_unknown')
    }
    expect(row(queued.id)).toMatchObject({ state: 'outcome_unknown', attempts: 5 })
    await expect(
      cancelReissue(t.database, { outboxId: queued.id, cancelledBy: STAFF }, T0),
    ).rejects.toMatchObject({ code: 'not_cancellable' })
    // The insurer's answer settles it, under the same key.
    const adapter = fakeAdapter(acceptedReissue)
    await drain(adapter, T0 + 5 * DAY)
    expect(adapter.calls[0]!.key).toBe(queued.idempotency_key)
    expect(row(queued.id).state).toBe('accepted')
  })

  it('takes the insurer’s word when a resend finds the reissue already finished', async () => {
    const done = await enqueue(t.contracts.a1)
    const bounced = await enqueue(t.contracts.a2)
    const adapter = fakeAdapter((call) => ({
      ...acceptedReissue(call),
      ...(call.key === done.idempotency_key
        ? { status: 'completed' as const, completedAt: new Date(T0 + 60_000).toISOString() }
        : { status: 'failed' as const, failureCode: 'bounced_invalid_address' as const }),
    }))
    await drain(adapter, T0 + 120_000)
    expect(row(done.id)).toMatchObject({ state: 'completed', finished_at: T0 + 60_000 })
    expect(row(bounced.id)).toMatchObject({
      state: 'failed',
      last_error_code: 'bounced_invalid_address',
    })
    expect(row(bounced.id).remote_reissue_id).toMatch(/^rs_/)
  })

  describe('order', () => {
    it('sends oldest first, and a contract’s later request only after its earlier one', async () => {
      const idMail = await enqueue(t.contracts.a1, 'id_mail', T0)
      const other = await enqueue(t.contracts.a2, 'password', T0 + 1)
      const password = await enqueue(t.contracts.a1, 'password', T0 + 2)
      const order: string[] = []
      const adapter = fakeAdapter((call) => {
        order.push(call.key)
        return acceptedReissue(call)
      })
      await drain(adapter, T0 + 10)
      expect(order).toEqual([
        idMail.idempotency_key,
        other.idempotency_key,
        password.idempotency_key,
      ])
    })

    it('holds a contract’s later request while the earlier one waits for a retry', async () => {
      const idMail = await enqueue(t.contracts.a1, 'id_mail', T0)
      const password = await enqueue(t.contracts.a1, 'password', T0 + 1)
      const unrelated = await enqueue(t.contracts.other, 'password', T0 + 2)
      let failNext = true
      const adapter = fakeAdapter((call) => {
        if (failNext && call.key === idMail.idempotency_key) {
          failNext = false
          throw new InsurerError('outcome_unknown', { operation: 'requestReissue' })
        }
        return acceptedReissue(call)
      })
      // The first insurer is paused by the unknown outcome; the other insurer is not.
      const first = await drain(adapter, T0 + 10)
      expect(first).toMatchObject({ sent: 2, outcomeUnknown: 1, accepted: 1 })
      expect(row(unrelated.id).state).toBe('accepted')
      expect(row(password.id)).toMatchObject({ state: 'queued', attempts: 0 })

      // Even when only the later one is due, it waits for the earlier.
      const retryAt = row(idMail.id).next_attempt_at!
      expect((await drain(adapter, retryAt - 1)).sent).toBe(0)
      const second = await drain(adapter, retryAt)
      expect(second.sent).toBe(2)
      expect(row(idMail.id).state).toBe('accepted')
      expect(row(password.id).state).toBe('accepted')
    })

    it('a cancelled or failed earlier request blocks nothing', async () => {
      const cancelled = await enqueue(t.contracts.a1, 'id_mail', T0)
      t.database.sqlite
        .prepare(`UPDATE reissue_outbox SET state = 'cancelled' WHERE id = ?`)
        .run(cancelled.id)
      const later = await enqueue(t.contracts.a1, 'password', T0 + 1)
      const adapter = fakeAdapter(acceptedReissue)
      expect((await drain(adapter, T0 + 2)).accepted).toBe(1)
      expect(row(later.id).state).toBe('accepted')
    })
  })

  it('leaves rows older than the key retention for a person instead of replaying them', async () => {
    const neverSent = await enqueue(t.contracts.a1, 'password', T0)
    const triedBefore = await enqueue(t.contracts.a2, 'password', T0)
    t.database.sqlite
      .prepare(`UPDATE reissue_outbox SET state = 'outcome_unknown', attempts = 2 WHERE id = ?`)
      .run(triedBefore.id)
    const fresh = await enqueue(t.contracts.other, 'password', T0 + 7 * DAY)
    const adapter = fakeAdapter(acceptedReissue)
    const summary = await drain(adapter, T0 + 7 * DAY + 1)
    expect(summary).toMatchObject({ needsConfirmation: 2, sent: 1 })
    expect(adapter.calls.map((c) => c.key)).toEqual([fresh.idempotency_key])
    expect(row(neverSent.id)).toMatchObject({
      state: 'needs_confirmation',
      last_error_code: 'key_retention_expired',
      next_attempt_at: null,
    })
    expect(row(neverSent.id).last_error_message).toContain('could not be sent')
    expect(row(triedBefore.id).last_error_message).toContain('may already have')
    // Shorter retention on request.
    const soon = await enqueue(t.contracts.b1, 'mypage_registration_mail', T0 + 8 * DAY)
    await drain(adapter, T0 + 8 * DAY + 61_000, { keyRetentionMs: 60_000 })
    expect(row(soon.id).state).toBe('needs_confirmation')
  })

  it('leaves an insurer without a client queued, and still sends the others', async () => {
    const unconfigured = await enqueue(t.contracts.a1)
    const configured = await enqueue(t.contracts.other)
    const adapter = fakeAdapter(acceptedReissue)
    const summary = await drainOutbox({
      database: t.database,
      adapterFor: (id) => (id === OTHER_INSURER ? adapter : undefined),
      now: () => T0,
      sleep: instantSleep,
    })
    expect(summary.pausedInsurers).toEqual([{ insurerId: INSURER, code: 'not_configured' }])
    expect(row(unconfigured.id)).toMatchObject({ state: 'queued', attempts: 0 })
    expect(row(configured.id).state).toBe('accepted')
  })

  it('handles at most `limit` rows per run, pacing the sends', async () => {
    for (const id of [t.contracts.a1, t.contracts.a2, t.contracts.other])
      await enqueue(id, 'password', T0)
    await enqueue(t.contracts.b1, 'mypage_registration_mail', T0)
    const waits: number[] = []
    const adapter = fakeAdapter(acceptedReissue)
    const summary = await drain(adapter, T0, {
      limit: 3,
      paceMs: 250,
      sleep: async (ms) => {
        waits.push(ms)
      },
    })
    expect(summary.sent).toBe(3)
    expect(waits).toEqual([250, 250])
    expect((await drain(adapter, T0)).sent).toBe(1)
  })

  it('skips a row cancelled after it was picked, and stops when aborted', async () => {
    const first = await enqueue(t.contracts.a1)
    const second = await enqueue(t.contracts.a2)
    const controller = new AbortController()
    const calls: ReissueCall[] = []
    const adapter = fakeAdapter((call) => {
      calls.push(call)
      // Cancel the second while the first is in flight, then ask the run to stop.
      t.database.sqlite
        .prepare(`UPDATE reissue_outbox SET state = 'cancelled' WHERE id = ?`)
        .run(second.id)
      return acceptedReissue(call)
    })
    await drain(adapter, T0, { signal: controller.signal })
    expect(calls).toHaveLength(1)
    expect(row(first.id).state).toBe('accepted')
    expect(row(second.id)).toMatchObject({ state: 'cancelled', attempts: 0 })

    await enqueue(t.contracts.other)
    controller.abort()
    expect((await drain(adapter, T0, { signal: controller.signal })).sent).toBe(0)
  })
})
