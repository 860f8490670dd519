import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/main/core/api/dispatch'
import { startTestCore, type TestCore } from '../../support/test-core'

let core: TestCore
let contractId: number
let staffId: string

beforeAll(async () => {
  // No demo insurer here: the demo book is generated locally, and nothing drains the outbox.
  core = await startTestCore({
    seedDemoWhenEmpty: true,
  })
  const row = core.database.sqlite
    .prepare(
      `SELECT c.id, c.staff_id FROM contracts c JOIN clients cl ON cl.id = c.client_id
       WHERE c.flow = 'A' AND c.renewal_status IN ('not_started', 'in_progress') AND cl.email IS NOT NULL
       ORDER BY c.id LIMIT 1`,
    )
    .get() as { id: number; staff_id: string }
  contractId = row.id
  staffId = row.staff_id
})

afterAll(async () => {
  await core.stop()
})

describe('reissues through the contract', () => {
  it('queues a request only after it is committed with its audit entry', async () => {
    const result = await dispatch(core.handlers, 'reissues:request', {
      contractId,
      kind: 'password',
      reason: 'パスワード発行メール未着の連絡あり',
      requestedBy: staffId,
    })
    expect(result).toMatchObject({
      ok: true,
      value: { contractId, kind: 'password', state: 'queued', attempts: 0 },
    })
    const audit = core.database.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'reissue.request'")
      .get()
    expect(audit).toEqual({ n: 1 })
    const status = await dispatch(core.handlers, 'sync:status', {})
    expect(status).toMatchObject({ ok: true, value: { pendingOutbox: 1 } })
  })

  it('refuses an identical request with the reason in words', async () => {
    const result = await dispatch(core.handlers, 'reissues:request', {
      contractId,
      kind: 'password',
      reason: 'もう一度',
      requestedBy: staffId,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'request_refused' } })
    if (!result.ok) expect(result.error.message).toMatch(/\//)
  })

  it('refuses bad input before anything is written', async () => {
    const result = await dispatch(core.handlers, 'reissues:request', {
      contractId,
      kind: 'password',
      reason: '   ',
      requestedBy: staffId,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'reason' } })
  })

  it('lists and cancels a queued request', async () => {
    const list = await dispatch(core.handlers, 'reissues:list', { contractId })
    expect(list).toMatchObject({ ok: true, value: { pending: 1 } })
    if (!list.ok) return
    const [item] = (list.value as { items: { id: number }[] }).items
    const cancelled = await dispatch(core.handlers, 'reissues:cancel', {
      outboxId: item!.id,
      cancelledBy: staffId,
    })
    expect(cancelled).toEqual({ ok: true, value: { outboxId: item!.id } })
    const again = await dispatch(core.handlers, 'reissues:cancel', {
      outboxId: item!.id,
      cancelledBy: staffId,
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'request_refused' } })
    expect(await dispatch(core.handlers, 'reissues:list', { contractId })).toMatchObject({
      ok: true,
      value: { pending: 0 },
    })
  })
})
