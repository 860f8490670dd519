import type { InsurerError, InsurerErrorKind } from './errors'

/**
 * Pure retry arithmetic, kept apart from I/O so property tests can pin it down: capped
 * exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"), Retry-After parsing (RFC 9110 §10.2.3), and which failures are worth retrying.
 */
export interface BackoffOptions {
  baseMs: number
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 }

/** A Retry-After longer than this is not waited out inside one call; the scheduler decides. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000

/** Beyond this a Retry-After is treated as garbage (a year-2100 date is a server bug). */
const MAX_PLAUSIBLE_RETRY_AFTER_MS = 7 * 24 * 60 * 60_000

export type HttpMethod = 'GET' | 'POST'

/** min(cap, base·2^retry); `retry` counts from 0 (the wait before the second attempt). */
export function backoffCeiling(retry: number, backoff: BackoffOptions = DEFAULT_BACKOFF): number {
  // 2^retry overflows to Infinity for large retries, which Math.min turns into the cap.
  return Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, retry))
}

/** Full jitter: uniform in [0, ceiling). Spreads clients that failed together apart. */
export function fullJitterDelay(
  retry: number,
  random: () => number,
  backoff: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const r = Math.min(Math.max(random(), 0), 1)
  return Math.floor(r * backoffCeiling(retry, backoff))
}

/**
 * Retry-After as milliseconds from `now`: delay-seconds or an HTTP-date. Garbage, negative
 * or absurdly far values give undefined (ignored); a date already past gives 0. Not capped
 * here, because a closure's reopening time is worth knowing even when we won't wait for it.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  let ms: number
  if (/^\d+$/.test(trimmed)) {
    ms = Number(trimmed) * 1000
  } else {
    // Only date-shaped strings: Date.parse would also accept "1" or "-5" as years.
    if (!/[a-z]/i.test(trimmed) || !/\d{1,2}:\d{2}/.test(trimmed)) return undefined
    const at = Date.parse(trimmed)
    if (Number.isNaN(at)) return undefined
    ms = Math.max(0, at - now)
  }
  if (!Number.isFinite(ms) || ms > MAX_PLAUSIBLE_RETRY_AFTER_MS) return undefined
  return ms
}

/** The wait before retry number `retry`: the larger of our backoff and the server's ask. */
export function retryDelay(
  retry: number,
  random: () => number,
  retryAfterMs: number | undefined,
  backoff: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const jittered = fullJitterDelay(retry, random, backoff)
  if (retryAfterMs === undefined) return jittered
  return Math.max(jittered, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS))
}

/** Kinds that are transient by nature; everything else needs a person or another path. */
const TRANSIENT: ReadonlySet<InsurerErrorKind> = new Set(['offline', 'busy', 'server_error'])

/**
 * Whether to try again after `attempt` attempts (1-based) failed with `error`.
 * - GET is safe to repeat: offline, busy and server errors (timeouts arrive as offline).
 * - POST only with an Idempotency-Key, because then the insurer answers a repeat with the
 *   original result instead of acting twice; outcome_unknown is retried for the same reason.
 * - unauthorized is the token manager's business (one refresh), rejected / not_found /
 *   invalid_response / cursor_expired will not change by repeating, and site_closed is
 *   waited out by the scheduler until reopensAt, not inside a call.
 */
export function shouldRetry(
  error: Pick<InsurerError, 'kind' | 'circuitOpen'>,
  attempt: number,
  method: HttpMethod,
  hasIdempotencyKey: boolean,
  maxAttempts = 5,
): boolean {
  if (attempt >= maxAttempts) return false
  if (error.circuitOpen) return false
  if (method === 'POST' && !hasIdempotencyKey) return false
  if (TRANSIENT.has(error.kind)) return true
  return method === 'POST' && error.kind === 'outcome_unknown'
}
