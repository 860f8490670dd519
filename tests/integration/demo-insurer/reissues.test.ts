import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webCutoff, SEED_RULE_SET } from '../../../electron/common/domain/insurer-rules'
import type { RunningDemoInsurer } from '../../../demo-insurer/server'
import { Api, DAY, MINUTE, readFeed, startTestInsurer } from './harness'

type Contract = ReturnType<RunningDemoInsurer['snapshot']> extends Iterable<infer C> ? C : never

/** A contract whose web window stays open for the whole test. */
function openFor(c: Contract, now: number, days: number): boolean {
  return webCutoff(c.maturityDate, SEED_RULE_SET).getTime() > now + days * DAY
}

describe('demo insurer: reissues and Idempotency-Key', () => {
  let insurer: RunningDemoInsurer
  let api: Api
  let book: Contract[]
  let target: Contract
  beforeAll(async () => {
    insurer = await startTestInsurer()
    api = new Api(insurer)
    book = [...insurer.snapshot()]
    const candidate = book.find((c) => c.flow === 'A' && c.policyholder.email !== null)
    if (!candidate) throw new Error('no flow A contract')
    target = candidate
  })
  afterAll(() => insurer.close())

  it('answers 400 idempotency_key_missing without the header', async () => {
    const res = await api.reissue(target.policyNumber, null, { kind: 'id_mail' })
    expect(res).toMatchObject({ status: 400, body: { code: 'idempotency_key_missing' } })
  })

  it('replays the original response for the same key and body, with one reissue only', async () => {
    const first = await api.reissue(target.policyNumber, 'replay-1', {
      kind: 'id_mail',
      note: 'client called',
    })
    expect(first.status).toBe(202)
    expect(first.body).toMatchObject({
      policyNumber: target.policyNumber,
      kind: 'id_mail',
      status: 'accepted',
    })
    // Same body with keys in another order: compared canonically.
    const again = await api.reissue(target.policyNumber, 'replay-1', {
      note: 'client called',
      kind: 'id_mail',
    })
    expect(again.status).toBe(202)
    expect(again.body).toEqual(first.body)
    expect(insurer.acceptedReissues().filter((r) => r.idempotencyKey === 'replay-1')).toHaveLength(
      1,
    )
  })

  it('answers 422 idempotency_key_reused for the same key with another body', async () => {
    await api.reissue(target.policyNumber, 'reused-1', { kind: 'id_mail' })
    const other = await api.reissue(target.policyNumber, 'reused-1', { kind: 'password' })
    expect(other).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } })
    const otherContract = book.find((c) => c.policyNumber !== target.policyNumber) as Contract
    const elsewhere = await api.reissue(otherContract.policyNumber, 'reused-1', { kind: 'id_mail' })
    expect(elsewhere).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } })
  })

  it('answers 409 idempotency_key_in_progress to a concurrent duplicate', async () => {
    const body = { kind: 'password' }
    const results = await Promise.all([
      api.reissue(target.policyNumber, 'concurrent-1', body),
      api.reissue(target.policyNumber, 'concurrent-1', body),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([202, 409])
    expect(results.find((r) => r.status === 409)?.body.code).toBe('idempotency_key_in_progress')
    expect(
      insurer.acceptedReissues().filter((r) => r.idempotencyKey === 'concurrent-1'),
    ).toHaveLength(1)
  })

  it('keeps keys for 7 simulated days, then forgets them', async () => {
    const body = { kind: 'id_mail' }
    const first = await api.reissue(target.policyNumber, 'retained-1', body)
    insurer.advance(6 * DAY)
    const within = await api.reissue(target.policyNumber, 'retained-1', body)
    expect(within.body.id).toBe(first.body.id)
    insurer.advance(2 * DAY)
    const after = await api.reissue(target.policyNumber, 'retained-1', body)
    expect(after.status).toBe(202)
    expect(after.body.id).not.toBe(first.body.id)
    expect(
      insurer.acceptedReissues().filter((r) => r.idempotencyKey === 'retained-1'),
    ).toHaveLength(2)
  })

  it('refuses a bad email (422), an unknown contract (404), and a malformed body (400)', async () => {
    const email = await api.reissue(target.policyNumber, 'bad-email', {
      kind: 'id_mail',
      correctedEmail: 'no-at-sign',
    })
    expect(email).toMatchObject({ status: 422, body: { code: 'email_invalid' } })
    const unknown = await api.reissue('1000000000', 'unknown-contract', { kind: 'id_mail' })
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not_found' } })
    const extra = await api.reissue(target.policyNumber, 'extra-field', {
      kind: 'id_mail',
      when: 'now',
    })
    expect(extra).toMatchObject({ status: 400, body: { code: 'invalid_request' } })
    const kind = await api.reissue(target.policyNumber, 'bad-kind', { kind: 'fax' })
    expect(kind).toMatchObject({ status: 400, body: { code: 'invalid_request' } })
    const missing = await api.get('/v1/reissues/rs_nope_000001')
    expect(missing).toMatchObject({ status: 404, body: { code: 'not_found' } })
  })
})

describe('demo insurer: reissue outcomes through the simulation', () => {
  let insurer: RunningDemoInsurer
  let api: Api
  let book: Contract[]
  beforeAll(async () => {
    insurer = await startTestInsurer({ contracts: 3000 })
    api = new Api(insurer)
    book = [...insurer.snapshot()]
  })
  afterAll(() => insurer.close())

  async function outcome(id: string) {
    for (let i = 0; i < 30; i++) {
      insurer.advance(MINUTE)
      const res = await api.get<{
        status: string
        failureCode: string | null
        completedAt: string | null
      }>(`/v1/reissues/${id}`)
      if (res.body.status !== 'accepted') return res.body
    }
    throw new Error('reissue never settled')
  }

  it('bounces again at a filtered or invalid address, and gets through once corrected', async () => {
    const now = insurer.now()
    const bounced = book.find(
      (c) =>
        c.flow === 'A' &&
        c.credentials.idMail.status === 'bounced' &&
        (c.credentials.idMail.failureReason === 'carrier_filter' ||
          c.credentials.idMail.failureReason === 'invalid_address') &&
        openFor(c, now, 2),
    )
    if (!bounced) throw new Error('no bounced flow-A contract in the book')
    const reason = bounced.credentials.idMail.failureReason
    const again = await api.reissue(bounced.policyNumber, 'bounce-again', { kind: 'id_mail' })
    expect(again.status).toBe(202)
    expect(await outcome(String(again.body.id))).toMatchObject({
      status: 'failed',
      failureCode: `bounced_${reason}`,
    })

    const fixed = await api.reissue(bounced.policyNumber, 'corrected', {
      kind: 'id_mail',
      correctedEmail: 'taro.fixed@example.jp',
    })
    const settled = await outcome(String(fixed.body.id))
    expect(settled).toMatchObject({ status: 'completed', failureCode: null })
    expect(settled.completedAt).not.toBeNull()
    const now2 = [...insurer.snapshot()].find((c) => c.policyNumber === bounced.policyNumber)
    expect(now2?.policyholder.email).toBe('taro.fixed@example.jp')
    expect(now2?.credentials.idMail.status).toBe('delivered')

    const { items } = await readFeed(api)
    const mine = items.filter(
      (i) =>
        i.policyNumber === bounced.policyNumber ||
        i.contract?.policyNumber === bounced.policyNumber,
    )
    const types = mine.map((i) => i.event?.type ?? i.kind)
    expect(types).toContain('reissue.accepted')
    expect(types).toContain('reissue.failed')
    expect(types).toContain('reissue.completed')
    // The correction itself is a change: reissue.accepted, then the upsert with the new email.
    const accepted = mine.findIndex(
      (i) => i.event?.type === 'reissue.accepted' && i.event.reissueId === fixed.body.id,
    )
    expect(mine[accepted + 1]?.kind).toBe('contract.upsert')
  })

  it('fails already_renewed for a renewed contract and not_applicable for the other flow', async () => {
    const renewed = book.find((c) => c.renewal.status === 'renewed')
    const flowB = book.find(
      (c) => c.flow === 'B' && c.renewal.status === 'in_progress' && openFor(c, insurer.now(), 1),
    )
    if (!renewed || !flowB) throw new Error('book lacks a renewed or flow-B contract')
    const a = await api.reissue(renewed.policyNumber, 'renewed-1', { kind: 'id_mail' })
    const b = await api.reissue(flowB.policyNumber, 'flow-b-password', { kind: 'password' })
    expect(await outcome(String(a.body.id))).toMatchObject({
      status: 'failed',
      failureCode: 'already_renewed',
    })
    expect(await outcome(String(b.body.id))).toMatchObject({
      status: 'failed',
      failureCode: 'not_applicable',
    })
  })

  it('resends an expired MyPage registration mail: provisional again, then completed', async () => {
    const expired = book.find(
      (c) =>
        c.flow === 'B' &&
        c.mypage.status === 'expired' &&
        c.renewal.status === 'in_progress' &&
        openFor(c, insurer.now(), 1),
    )
    if (!expired) throw new Error('no expired provisional registration in the book')
    const res = await api.reissue(expired.policyNumber, 'mypage-1', {
      kind: 'mypage_registration_mail',
    })
    const settled = await outcome(String(res.body.id))
    expect(['completed', 'failed']).toContain(settled.status)
    if (settled.status === 'completed') {
      const after = [...insurer.snapshot()].find((c) => c.policyNumber === expired.policyNumber)
      expect(['provisional', 'registered']).toContain(after?.mypage.status)
    }
  })
})
