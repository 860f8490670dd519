import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enqueueReissue } from '../../../electron/main/core/outbox/enqueue-reissue'
import { OutboxError } from '../../../electron/main/core/outbox/errors'
import { DUPLICATE_WINDOW_MS } from '../../../electron/main/core/outbox/policy'
import { openOutboxTestDb, STAFF, T0, type OutboxTestDb } from './fixtures'

let t: OutboxTestDb
beforeEach(async () => {
  t = await openOutboxTestDb()
})
afterEach(async () => {
  await t.close()
})

async function refusal(promise: Promise<unknown>): Promise<OutboxError> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(OutboxError)
  return error as OutboxError
}

const request = (
  contractId: number,
  extra: Partial<Parameters<typeof enqueueReissue>[1]> = {},
) => ({
  contractId,
  kind: 'password' as const,
  reason: '  パスワードの有効期限切れ  ',
  requestedBy: STAFF,
  ...extra,
})

describe('enqueueReissue', () => {
  it('writes the row, its audit entry and a timeline event, with a fresh key', async () => {
    const row = await enqueueReissue(
      t.database,
      request(t.contracts.a1, { correctedEmail: 'new.address@example.jp' }),
      T0,
    )
    expect(row).toMatchObject({
      contract_id: t.contracts.a1,
      kind: 'password',
      state: 'queued',
      attempts: 0,
      reason: 'パスワードの有効期限切れ',
      requested_at: T0,
      next_attempt_at: T0,
      corrected_email: 'new.address@example.jp',
    })
    expect(row.idempotency_key).toMatch(/^[0-9a-f-]{36}$/)

    const audit = t.database.sqlite.prepare('SELECT * FROM audit_log').all() as Array<{
      action: string
      actor_staff_id: string
      entity_id: string
      detail_json: string
    }>
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      action: 'reissue.request',
      actor_staff_id: STAFF,
      entity_id: String(t.contracts.a1),
    })
    const detail = audit[0]!.detail_json
    expect(JSON.parse(detail)).toEqual({
      outboxId: row.id,
      kind: 'password',
      emailCorrected: true,
      reasonLength: 'パスワードの有効期限切れ'.length,
    })
    // No personal data in the trail: not the address, not the reason's words.
    expect(detail).not.toContain('@')
    expect(detail).not.toContain('パスワード')

    const events = t.database.sqlite
      .prepare(`SELECT source, kind, staff_id, detail_json FROM timeline_events`)
      .all() as Array<{ source: string; kind: string; staff_id: string; detail_json: string }>
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ source: 'staff', kind: 'reissue.queued', staff_id: STAFF })
    expect(events[0]!.detail_json).not.toContain('@')

    const second = await enqueueReissue(t.database, request(t.contracts.a2), T0)
    expect(second.idempotency_key).not.toBe(row.idempotency_key)
  })

  it('writes nothing when the transaction fails part-way', async () => {
    // The timeline insert is the last write: making it fail must undo the row and the audit.
    t.database.sqlite.exec(`CREATE TEMP TRIGGER fail_timeline BEFORE INSERT ON timeline_events
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
    await expect(enqueueReissue(t.database, request(t.contracts.a1), T0)).rejects.toThrow(
      'injected failure',
    )
    expect(t.count('reissue_outbox')).toBe(0)
    expect(t.count('audit_log')).toBe(0)
    expect(t.count('timeline_events')).toBe(0)

    t.database.sqlite.exec('DROP TRIGGER fail_timeline')
    await enqueueReissue(t.database, request(t.contracts.a1), T0)
    expect(t.count('reissue_outbox')).toBe(1)
  })

  it('refuses a missing, tombstoned or renewed contract', async () => {
    expect((await refusal(enqueueReissue(t.database, request(9999), T0))).code).toBe(
      'contract_not_found',
    )
    expect((await refusal(enqueueReissue(t.database, request(t.contracts.deleted), T0))).code).toBe(
      'contract_not_found',
    )
    const renewed = await refusal(enqueueReissue(t.database, request(t.contracts.renewed), T0))
    expect(renewed.code).toBe('not_applicable')
    expect(renewed.messageIn('ja')).toContain('更新済み')
    expect(renewed.messageIn('en')).toContain('renewed')
    expect(t.count('reissue_outbox')).toBe(0)
  })

  it('refuses a kind that does not belong to the contract’s flow', async () => {
    const onA = await refusal(
      enqueueReissue(t.database, request(t.contracts.a1, { kind: 'mypage_registration_mail' }), T0),
    )
    expect(onA.code).toBe('not_applicable')
    expect(onA.messageIn('ja')).toContain('フローB')
    expect(onA.messageIn('en')).toContain('flow B')
    for (const kind of ['id_mail', 'password'] as const) {
      const onB = await refusal(enqueueReissue(t.database, request(t.contracts.b1, { kind }), T0))
      expect(onB.code).toBe('not_applicable')
      expect(onB.messageIn('en')).toContain('flow A')
    }
    await expect(
      enqueueReissue(t.database, request(t.contracts.b1, { kind: 'mypage_registration_mail' }), T0),
    ).resolves.toMatchObject({ state: 'queued' })
  })

  it('refuses an empty, blank or over-long reason and a malformed email', async () => {
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const error = await refusal(
        enqueueReissue(t.database, request(t.contracts.a1, { reason }), T0),
      )
      expect(error.code).toBe('invalid_reason')
    }
    await expect(
      enqueueReissue(t.database, request(t.contracts.a1, { reason: 'x'.repeat(500) }), T0),
    ).resolves.toBeDefined()
    const email = await refusal(
      enqueueReissue(t.database, request(t.contracts.a2, { correctedEmail: 'not-an-address' }), T0),
    )
    expect(email.code).toBe('invalid_email')
    expect(email.message).not.toContain('not-an-address')
  })

  it('refuses a second identical request while the first is pending or recent', async () => {
    const first = await enqueueReissue(t.database, request(t.contracts.a1), T0)
    const duplicate = await refusal(enqueueReissue(t.database, request(t.contracts.a1), T0 + 1000))
    expect(duplicate.code).toBe('duplicate_request')
    expect(duplicate.earlierRequestedAt).toBe(T0)
    expect(duplicate.messageIn('ja')).toContain('2026-11-23 10:00')
    expect(duplicate.messageIn('en')).toContain('2026-11-23 10:00 JST')

    // Another kind, or another contract, is a different request.
    await enqueueReissue(t.database, request(t.contracts.a1, { kind: 'id_mail' }), T0 + 1000)
    await enqueueReissue(t.database, request(t.contracts.a2), T0 + 1000)

    // Still queued long after: refused, whatever the time.
    const later = T0 + 3 * DUPLICATE_WINDOW_MS
    expect((await refusal(enqueueReissue(t.database, request(t.contracts.a1), later))).code).toBe(
      'duplicate_request',
    )
    // Accepted by the insurer: refused within the window, allowed after it.
    t.database.sqlite
      .prepare(`UPDATE reissue_outbox SET state = 'accepted' WHERE id = ?`)
      .run(first.id)
    expect(
      (
        await refusal(
          enqueueReissue(t.database, request(t.contracts.a1), T0 + DUPLICATE_WINDOW_MS - 1),
        )
      ).code,
    ).toBe('duplicate_request')
    await expect(enqueueReissue(t.database, request(t.contracts.a1), later)).resolves.toBeDefined()
  })

  it('lets staff ask again at once after a failed or cancelled request', async () => {
    const first = await enqueueReissue(t.database, request(t.contracts.a1), T0)
    t.database.sqlite
      .prepare(`UPDATE reissue_outbox SET state = 'failed' WHERE id = ?`)
      .run(first.id)
    const second = await enqueueReissue(
      t.database,
      request(t.contracts.a1, { correctedEmail: 'fixed@example.jp' }),
      T0 + 1000,
    )
    t.database.sqlite
      .prepare(`UPDATE reissue_outbox SET state = 'cancelled' WHERE id = ?`)
      .run(second.id)
    await expect(
      enqueueReissue(t.database, request(t.contracts.a1), T0 + 2000),
    ).resolves.toBeDefined()
  })
})
