import type { DatabaseHandle } from '../../../../db/connection'
import type { InsurerAdapter } from '../insurer/adapter'
import { createLogger } from '../logger'
import { decideOutcome, type SendResult } from './outcome'
import { DEFAULT_KEY_RETENTION_MS, PENDING_STATES } from './policy'
import { markNeedsConfirmation, markSending, recordOutcome, type SendingRow } from './row-writes'

const log = createLogger('outbox')

export interface DrainOptions {
  database: DatabaseHandle
  /** The client for an insurer; undefined when it is not configured (its rows wait). */
  adapterFor: (insurerId: string) => InsurerAdapter | undefined
  /** Read again after every call: a run spans network round trips. */
  now: () => number
  /** Waits paceMs between two sends; tests pass an instant one. */
  sleep?: (ms: number) => Promise<void>
  /** Gap between two sends in one run, so a backlog does not arrive as a burst. Default 100. */
  paceMs?: number
  /** Handles at most this many rows per run (default 50), so a run stays short. */
  limit?: number
  /** Rows older than this that were never accepted wait for a person (default 7 days). */
  keyRetentionMs?: number
  random?: () => number
  /** Stops between two rows (app quitting); the row in flight is finished first. */
  signal?: AbortSignal
}

export interface DrainSummary {
  /** Rows sent to the insurer in this run. */
  sent: number
  accepted: number
  failed: number
  /** Back to 'queued' (insurer down, busy or closed): nothing reached it. */
  requeued: number
  outcomeUnknown: number
  needsConfirmation: number
  /** Insurers whose remaining rows were left for the next run, and why. */
  pausedInsurers: Array<{ insurerId: string; code: string }>
}

interface DueRow extends SendingRow {
  state: 'queued' | 'outcome_unknown'
  insurerId: string
  policyNumber: string
  idempotencyKey: string
  correctedEmail: string | null
  reason: string
  requestedAt: number
  acceptedAt: number | null
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Sends due outbox rows to their insurers, oldest first, one contract's requests in the
 * order staff made them. Each send marks the row 'sending' (committed) before the call and
 * records the answer in one transaction after it, so a crash in between leaves a row that
 * recoverOutbox turns into a resend under the same Idempotency-Key: exactly once at the
 * insurer. Safe to run concurrently with itself: every write is guarded by the row's state.
 */
export async function drainOutbox(options: DrainOptions): Promise<DrainSummary> {
  const { database, adapterFor, now } = options
  const limit = options.limit ?? 50
  const keyRetentionMs = options.keyRetentionMs ?? DEFAULT_KEY_RETENTION_MS
  const random = options.random ?? Math.random
  const sleep = options.sleep ?? defaultSleep
  const paceMs = options.paceMs ?? 100
  const summary: DrainSummary = {
    sent: 0,
    accepted: 0,
    failed: 0,
    requeued: 0,
    outcomeUnknown: 0,
    needsConfirmation: 0,
    pausedInsurers: [],
  }
  const paused = new Set<string>()
  const pause = (insurerId: string, code: string) => {
    if (paused.has(insurerId)) return
    paused.add(insurerId)
    summary.pausedInsurers.push({ insurerId, code })
  }
  // A row is tried at most once per run, even when its retry falls due again at once.
  const tried = new Set<number>()

  const handled = () => summary.sent + summary.needsConfirmation
  while (handled() < limit && !options.signal?.aborted) {
    const batch = await selectDue(database, now(), limit - handled(), tried, paused)
    if (batch.length === 0) break
    for (const row of batch) {
      if (options.signal?.aborted || handled() >= limit) break
      tried.add(row.id)
      if (paused.has(row.insurerId)) continue
      const at = now()
      if (row.acceptedAt === null && row.requestedAt < at - keyRetentionMs) {
        if (await markNeedsConfirmation(database, row, at, keyRetentionMs)) {
          summary.needsConfirmation += 1
          log.warn('reissue needs confirmation', { outboxId: row.id, attempts: row.attempts })
        }
        continue
      }
      const adapter = adapterFor(row.insurerId)
      if (!adapter) {
        pause(row.insurerId, 'not_configured')
        continue
      }
      if (summary.sent > 0 && paceMs > 0) await sleep(paceMs)
      if (!(await markSending(database, row.id, now()))) continue
      const attempt = { ...row, attempts: row.attempts + 1 }
      summary.sent += 1
      const result = await send(adapter, attempt)
      const done = now()
      const outcome = decideOutcome(result, attempt.attempts, done, random, row.state)
      if (!(await recordOutcome(database, attempt, outcome, done))) continue
      switch (outcome.state) {
        case 'accepted':
        case 'completed':
          summary.accepted += 1
          break
        case 'failed':
          summary.failed += 1
          break
        case 'queued':
        case 'outcome_unknown':
          if (outcome.state === 'queued') summary.requeued += 1
          else summary.outcomeUnknown += 1
          if (outcome.pauseInsurer) pause(row.insurerId, outcome.code)
          break
      }
      log.info('reissue send', {
        outboxId: row.id,
        attempts: attempt.attempts,
        state: outcome.state,
        code: 'code' in outcome ? outcome.code : null,
      })
    }
  }
  return summary
}

async function send(adapter: InsurerAdapter, row: DueRow): Promise<SendResult> {
  try {
    const reissue = await adapter.requestReissue(
      row.policyNumber,
      {
        kind: row.kind,
        ...(row.correctedEmail === null ? {} : { correctedEmail: row.correctedEmail }),
        note: row.reason,
      },
      row.idempotencyKey,
    )
    return { ok: true, reissue }
  } catch (error) {
    return { ok: false, error }
  }
}

/**
 * Due rows, oldest first, each the earliest still-pending request of its contract: a later
 * request (say, a password reissue after an email correction) waits for the earlier one,
 * while a failed or cancelled one blocks nothing.
 */
async function selectDue(
  database: DatabaseHandle,
  now: number,
  count: number,
  tried: ReadonlySet<number>,
  paused: ReadonlySet<string>,
): Promise<DueRow[]> {
  let query = database.db
    .selectFrom('reissue_outbox as o')
    .innerJoin('contracts as c', 'c.id', 'o.contract_id')
    .select([
      'o.id',
      'o.contract_id as contractId',
      'o.kind',
      'o.state',
      'o.requested_by as requestedBy',
      'o.attempts',
      'c.insurer_id as insurerId',
      'c.policy_number as policyNumber',
      'o.idempotency_key as idempotencyKey',
      'o.corrected_email as correctedEmail',
      'o.reason',
      'o.requested_at as requestedAt',
      'o.accepted_at as acceptedAt',
    ])
    .where('o.state', 'in', ['queued', 'outcome_unknown'])
    .where('o.next_attempt_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reissue_outbox as e')
            .select('e.id')
            .whereRef('e.contract_id', '=', 'o.contract_id')
            .whereRef('e.id', '<', 'o.id')
            .where('e.state', 'in', PENDING_STATES),
        ),
      ),
    )
  if (tried.size > 0) query = query.where('o.id', 'not in', [...tried])
  if (paused.size > 0) query = query.where('c.insurer_id', 'not in', [...paused])
  const rows = await query.orderBy('o.id').limit(count).execute()
  // Narrowed by the WHERE above; the type system cannot see that.
  return rows.map((r) => ({ ...r, state: r.state === 'outcome_unknown' ? r.state : 'queued' }))
}
