import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InsurerError } from '../../../electron/main/core/insurer/errors'
import { decideOutcome } from '../../../electron/main/core/outbox/outcome'
import {
  kindAppliesToFlow,
  MAX_HONOURED_RETRY_AFTER_MS,
  MIN_RETRY_DELAY_MS,
  OUTBOX_BACKOFF,
  outboxRetryDelay,
  reopenDelay,
} from '../../../electron/main/core/outbox/policy'

const unit = fc.double({ min: 0, max: 1, noNaN: true })

describe('outbox retry delays', () => {
  it('stay within [floor, min(cap, base·2^(n-1))] for any draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), unit, (attempts, r) => {
        const delay = outboxRetryDelay(attempts, () => r)
        const ceiling = Math.min(OUTBOX_BACKOFF.capMs, OUTBOX_BACKOFF.baseMs * 2 ** (attempts - 1))
        expect(delay).toBeGreaterThanOrEqual(MIN_RETRY_DELAY_MS)
        expect(delay).toBeLessThanOrEqual(Math.max(MIN_RETRY_DELAY_MS, ceiling))
      }),
    )
  })

  it('honour Retry-After up to a cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), unit, fc.nat(), (attempts, r, asked) => {
        const delay = outboxRetryDelay(attempts, () => r, asked)
        expect(delay).toBeGreaterThanOrEqual(Math.min(asked, MAX_HONOURED_RETRY_AFTER_MS))
        expect(delay).toBeLessThanOrEqual(
          Math.max(
            MIN_RETRY_DELAY_MS,
            OUTBOX_BACKOFF.capMs,
            Math.min(asked, MAX_HONOURED_RETRY_AFTER_MS),
          ),
        )
      }),
    )
  })

  it('wait for a closed site until it reopens; a past or missing time falls back to backoff', () => {
    const now = 1_000_000
    expect(reopenDelay(1, () => 0.5, now, new Date(now + 7_200_000))).toBe(7_200_000)
    expect(reopenDelay(1, () => 0, now, new Date(now - 1))).toBe(MIN_RETRY_DELAY_MS)
    expect(reopenDelay(1, () => 0, now, undefined)).toBe(MIN_RETRY_DELAY_MS)
  })
})

describe('kindAppliesToFlow', () => {
  it('ID and password mails are flow A; the MyPage mail is flow B', () => {
    expect(kindAppliesToFlow('id_mail', 'A')).toBe(true)
    expect(kindAppliesToFlow('password', 'A')).toBe(true)
    expect(kindAppliesToFlow('mypage_registration_mail', 'A')).toBe(false)
    expect(kindAppliesToFlow('mypage_registration_mail', 'B')).toBe(true)
    expect(kindAppliesToFlow('id_mail', 'B')).toBe(false)
    expect(kindAppliesToFlow('password', 'B')).toBe(false)
  })
})

describe('decideOutcome', () => {
  it('never leaves the insurer’s detail (which may quote the client) in the message', () => {
    const error = new InsurerError('rejected', {
      operation: 'requestReissue',
      problem: {
        status: 422,
        code: 'email_invalid',
        title: 'Invalid',
        detail: 'taro@example.jp is invalid',
      },
    })
    const outcome = decideOutcome({ ok: false, error }, 1, 0, () => 0.5)
    expect(outcome).toMatchObject({ state: 'failed', code: 'email_invalid' })
    expect(JSON.stringify(outcome)).not.toContain('@')
  })

  it('an unknown problem code still reads as a rejection, with the code', () => {
    const error = new InsurerError('rejected', {
      operation: 'requestReissue',
      problem: { status: 422, code: 'idempotency_key_reused', title: 'Reused' },
    })
    const outcome = decideOutcome({ ok: false, error }, 1, 0, () => 0.5)
    expect(outcome).toMatchObject({ state: 'failed', code: 'idempotency_key_reused' })
    expect('message' in outcome && outcome.message).toContain('idempotency_key_reused')
  })
})
