import type { Flow, OutboxState, ReissueKind } from '../../../common/domain/renewal'
import { type BackoffOptions, fullJitterDelay } from '../insurer/retry-policy'

/**
 * The outbox's rules in one place, free of I/O so unit tests pin them down: which kinds
 * apply to which flow, what counts as a duplicate, and how long to wait before a retry.
 */

export const MINUTE = 60_000
export const DAY = 24 * 60 * MINUTE

/** A reason is what the next person reads in the audit trail; the insurer caps notes at 500. */
export const MAX_REASON_LENGTH = 500

/** Asking twice within this window would mail the client twice for one problem. */
export const DUPLICATE_WINDOW_MS = 10 * MINUTE

/**
 * The insurer promises to remember an Idempotency-Key for at least 7 days. Past that, a
 * resend could be taken as a new request, so an old row waits for a person instead.
 */
export const DEFAULT_KEY_RETENTION_MS = 7 * DAY

/** States in which the row may still reach the insurer: they block duplicates and later rows. */
export const PENDING_STATES = [
  'queued',
  'sending',
  'outcome_unknown',
] as const satisfies readonly OutboxState[]

/** States whose request may already have mailed the client (within the duplicate window). */
export const MAY_HAVE_MAILED_STATES = [
  ...PENDING_STATES,
  'accepted',
  'completed',
  'needs_confirmation',
] as const satisfies readonly OutboxState[]

export const CANCELLABLE_STATES = [
  'queued',
  'needs_confirmation',
] as const satisfies readonly OutboxState[]

/** Contracts the insurer still renews online; the rest have nothing to reissue for. */
export const LIVE_RENEWAL_STATUSES: readonly string[] = ['not_started', 'in_progress']

/** Flow A mails an ID and a password (seed 000); flow B has MyPage's provisional mail (seed 003). */
const KINDS_BY_FLOW: Record<Flow, readonly ReissueKind[]> = {
  A: ['id_mail', 'password'],
  B: ['mypage_registration_mail'],
}

export function kindAppliesToFlow(kind: ReissueKind, flow: Flow): boolean {
  return KINDS_BY_FLOW[flow].includes(kind)
}

/**
 * Retries across drain runs, not inside one call (the client already retried there): a
 * slower curve than the client's, so an outage of hours costs a few dozen requests.
 */
export const OUTBOX_BACKOFF: BackoffOptions = { baseMs: 10_000, capMs: 30 * MINUTE }

/** Never due again within the same run, even when the jitter draws zero. */
export const MIN_RETRY_DELAY_MS = 2_000

/** An insurer's Retry-After is honoured up to this; beyond it the ask looks like a bug. */
export const MAX_HONOURED_RETRY_AFTER_MS = 6 * 60 * MINUTE

/**
 * The wait before the next attempt after `attempts` attempts (1-based) failed: full-jitter
 * backoff, at least the insurer's Retry-After, never below the floor.
 */
export function outboxRetryDelay(
  attempts: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const jittered = fullJitterDelay(Math.max(0, attempts - 1), random, OUTBOX_BACKOFF)
  const asked = Math.min(Math.max(0, retryAfterMs ?? 0), MAX_HONOURED_RETRY_AFTER_MS)
  return Math.max(MIN_RETRY_DELAY_MS, jittered, asked)
}

/** When a closed site says it reopens; a missing or past time falls back to backoff. */
export function reopenDelay(
  attempts: number,
  random: () => number,
  now: number,
  reopensAt: Date | undefined,
): number {
  const at = reopensAt?.getTime()
  if (at === undefined || !Number.isFinite(at) || at <= now)
    return outboxRetryDelay(attempts, random)
  return Math.min(at - now, MAX_HONOURED_RETRY_AFTER_MS)
}
