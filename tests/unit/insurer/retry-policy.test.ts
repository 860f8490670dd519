import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INSURER_ERROR_KINDS, InsurerError } from '../../../electron/main/core/insurer/errors'
import { runWithRetry } from '../../../electron/main/core/insurer/retry-loop'
import {
  backoffCeiling,
  fullJitterDelay,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryDelay,
  shouldRetry,
} from '../../../electron/main/core/insurer/retry-policy'

const NOW = Date.parse('2026-11-23T10:00:00+09:00')
const kind = fc.constantFrom(...INSURER_ERROR_KINDS)
const method = fc.constantFrom('GET' as const, 'POST' as const)
const backoff = fc.record({
  baseMs: fc.integer({ min: 1, max: 5_000 }),
  capMs: fc.integer({ min: 1, max: 120_000 }),
})
const unit = fc.double({ min: 0, max: 1, noNaN: true })

describe('backoff with full jitter', () => {
  it('every delay lies in [0, min(cap, base·2^n)]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), unit, backoff, (n, r, b) => {
        const delay = fullJitterDelay(n, () => r, b)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThanOrEqual(Math.min(b.capMs, b.baseMs * 2 ** n))
      }),
    )
  })

  it('the ceiling doubles until it reaches the cap, then stays there', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), backoff, (n, b) => {
        const here = backoffCeiling(n, b)
        const next = backoffCeiling(n + 1, b)
        expect(next).toBe(Math.min(b.capMs, here * 2))
      }),
    )
  })

  it('a Retry-After larger than the backoff wins, capped at 10 minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        unit,
        backoff,
        fc.integer({ min: 0, max: 24 * 3_600_000 }),
        (n, r, b, retryAfter) => {
          const delay = retryDelay(n, () => r, retryAfter, b)
          const jitter = fullJitterDelay(n, () => r, b)
          expect(delay).toBe(Math.max(jitter, Math.min(retryAfter, MAX_RETRY_AFTER_MS)))
          expect(delay).toBeLessThanOrEqual(Math.max(MAX_RETRY_AFTER_MS, b.capMs))
        },
      ),
    )
  })
})

describe('Retry-After parsing', () => {
  it('reads delay-seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), (s) => {
        expect(parseRetryAfter(String(s), NOW)).toBe(s * 1000)
      }),
    )
  })

  it('reads an HTTP-date relative to the injected now (to the second)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400 }), (s) => {
        const header = new Date(NOW + s * 1000).toUTCString()
        expect(parseRetryAfter(header, NOW)).toBe(s * 1000)
      }),
    )
  })

  it('a date in the past means "now"', () => {
    expect(parseRetryAfter(new Date(NOW - 60_000).toUTCString(), NOW)).toBe(0)
  })

  it('ignores negative, fractional, garbage and absurd values', () => {
    for (const v of ['-5', '1.5', 'soon', '', '   ', 'NaN', '1e3', '99999999999', 'Tue, 99 Foo']) {
      expect(parseRetryAfter(v, NOW)).toBeUndefined()
    }
    expect(parseRetryAfter(null, NOW)).toBeUndefined()
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBeUndefined()
  })

  it('never throws and never answers a negative number', () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        const ms = parseRetryAfter(v, NOW)
        expect(ms === undefined || ms >= 0).toBe(true)
      }),
    )
  })
})

describe('shouldRetry', () => {
  it('never retries a POST without an idempotency key', () => {
    fc.assert(
      fc.property(kind, fc.integer({ min: 1, max: 10 }), (k, attempt) => {
        expect(shouldRetry({ kind: k }, attempt, 'POST', false, 10)).toBe(false)
      }),
    )
  })

  it('never retries kinds that repeating cannot fix', () => {
    const final = [
      'unauthorized',
      'rejected',
      'not_found',
      'invalid_response',
      'cursor_expired',
      'site_closed',
    ] as const
    fc.assert(
      fc.property(
        fc.constantFrom(...final),
        method,
        fc.boolean(),
        fc.integer({ min: 1, max: 10 }),
        (k, m, key, a) => {
          expect(shouldRetry({ kind: k }, a, m, key, 10)).toBe(false)
        },
      ),
    )
  })

  it('retries transient GET failures and keyed POSTs (also when the outcome is unknown)', () => {
    for (const k of ['offline', 'busy', 'server_error'] as const) {
      expect(shouldRetry({ kind: k }, 1, 'GET', false)).toBe(true)
      expect(shouldRetry({ kind: k }, 1, 'POST', true)).toBe(true)
    }
    expect(shouldRetry({ kind: 'outcome_unknown' }, 1, 'POST', true)).toBe(true)
    expect(shouldRetry({ kind: 'outcome_unknown' }, 1, 'GET', false)).toBe(false)
  })

  it('stops at maxAttempts and when the circuit is open', () => {
    expect(shouldRetry({ kind: 'offline' }, 5, 'GET', false, 5)).toBe(false)
    expect(shouldRetry({ kind: 'offline', circuitOpen: true }, 1, 'GET', false, 5)).toBe(false)
  })
})

describe('runWithRetry', () => {
  const failure = fc.record({
    kind,
    retryAfterMs: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
  })

  it('makes at most maxAttempts attempts, waits within bounds, and honours Retry-After', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(failure, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        method,
        fc.boolean(),
        unit,
        async (failures, maxAttempts, m, key, r) => {
          let clock = NOW
          const waits: number[] = []
          let attempts = 0
          const b = { baseMs: 100, capMs: 5_000 }
          const outcome = await runWithRetry(
            async (n) => {
              attempts++
              expect(n).toBe(attempts)
              const f = failures[n - 1]
              if (!f) return 'ok'
              throw new InsurerError(f.kind, {
                operation: 'test',
                ...(f.retryAfterMs === undefined ? {} : { retryAfterMs: f.retryAfterMs }),
              })
            },
            {
              method: m,
              hasIdempotencyKey: key,
              maxAttempts,
              maxElapsedMs: 24 * 3_600_000,
              backoff: b,
              now: () => clock,
              sleep: async (ms) => {
                waits.push(ms)
                clock += ms
              },
              random: () => r,
            },
          ).catch((e: unknown) => e)

          expect(attempts).toBeLessThanOrEqual(maxAttempts)
          expect(waits).toHaveLength(attempts - 1)
          waits.forEach((w, i) => {
            const asked = failures[i]?.retryAfterMs
            const ceiling = Math.min(b.capMs, b.baseMs * 2 ** i)
            expect(w).toBeGreaterThanOrEqual(0)
            if (asked === undefined) expect(w).toBeLessThanOrEqual(ceiling)
            else
              expect(w).toBe(Math.max(Math.floor(r * ceiling), Math.min(asked, MAX_RETRY_AFTER_MS)))
          })
          // Every retry was allowed by the policy; an outcome error is the last one seen.
          failures.slice(0, attempts - 1).forEach((f, i) => {
            expect(shouldRetry({ kind: f.kind }, i + 1, m, key, maxAttempts)).toBe(true)
          })
          if (outcome !== 'ok') {
            expect(outcome).toBeInstanceOf(InsurerError)
            expect((outcome as InsurerError).kind).toBe(failures[attempts - 1]?.kind)
          }
        },
      ),
    )
  })

  it('gives up instead of waiting past the time budget', async () => {
    let clock = NOW
    let attempts = 0
    const error = await runWithRetry(
      async () => {
        attempts++
        throw new InsurerError('busy', { operation: 'test', retryAfterMs: 120_000 })
      },
      {
        method: 'GET',
        hasIdempotencyKey: false,
        maxAttempts: 5,
        maxElapsedMs: 60_000,
        backoff: { baseMs: 100, capMs: 1_000 },
        now: () => clock,
        sleep: async (ms) => {
          clock += ms
        },
        random: () => 0.5,
      },
    ).catch((e: unknown) => e)
    expect(attempts).toBe(1)
    expect((error as InsurerError).retryAfterMs).toBe(120_000)
  })

  it('rethrows errors that are not InsurerErrors untouched (bugs are not retried)', async () => {
    let attempts = 0
    const bug = new TypeError('bug')
    await expect(
      runWithRetry(
        async () => {
          attempts++
          throw bug
        },
        {
          method: 'GET',
          hasIdempotencyKey: false,
          maxAttempts: 5,
          maxElapsedMs: 1_000,
          backoff: { baseMs: 1, capMs: 1 },
          now: () => NOW,
          sleep: async () => {},
          random: () => 0,
        },
      ),
    ).rejects.toBe(bug)
    expect(attempts).toBe(1)
  })
})
