import type { Kysely } from 'kysely'
import type { DatabaseHandle } from '../../../../db/connection'
import type { Database } from '../../../../db/schema'
import type { InsurerAdapter } from '../insurer/adapter'
import { isInsurerError } from '../insurer/errors'
import { createLogger } from '../logger'
import { rejectionMessage } from './outcome'
import { MINUTE } from './policy'

const log = createLogger('outbox')

export interface RemoteReissueOutcome {
  /** The insurer's reissue id (Reissue.id, the change feed's event.reissueId). */
  remoteReissueId: string
  status: 'completed' | 'failed'
  /** For 'failed': the insurer's failureCode, e.g. bounced_invalid_address. */
  failureCode?: string | null
  /** When the insurer says it finished (epoch ms). */
  at: number
}

/**
 * The one way an accepted row is finished: by the insurer's word on the reissue, from the
 * change feed (the sync engine calls this inside the transaction that also stores the feed
 * cursor — pass that transaction) or from reconcileAcceptedReissues below. Only an
 * 'accepted' row moves, so applying the same event twice is a no-op. Returns whether a row
 * moved; false also when the drain has not yet recorded the acceptance (see below).
 */
export async function settleReissue(
  db: Kysely<Database>,
  outcome: RemoteReissueOutcome,
  now: number,
): Promise<boolean> {
  const failed = outcome.status === 'failed'
  const code = failed ? (outcome.failureCode ?? 'failed') : null
  const result = await db
    .updateTable('reissue_outbox')
    .set({
      state: outcome.status,
      finished_at: outcome.at,
      last_error_code: code,
      last_error_message: code === null ? null : rejectionMessage(code),
      updated_at: now,
    })
    .where('remote_reissue_id', '=', outcome.remoteReissueId)
    .where('state', '=', 'accepted')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** How long an accepted row waits for the feed before it is asked about directly. */
export const RECONCILE_AFTER_MS = 30 * MINUTE

/**
 * Safety net for the feed: a completion can arrive before the drain stored the acceptance
 * (the answer was lost, the resend came later), and then matches no row. Asks the insurer
 * about accepted rows older than RECONCILE_AFTER_MS, a few per run, oldest first.
 */
export async function reconcileAcceptedReissues(options: {
  database: DatabaseHandle
  adapterFor: (insurerId: string) => InsurerAdapter | undefined
  now: () => number
  limit?: number
}): Promise<{ checked: number; settled: number }> {
  const { database, adapterFor, now } = options
  const rows = await database.db
    .selectFrom('reissue_outbox as o')
    .innerJoin('contracts as c', 'c.id', 'o.contract_id')
    .select(['o.id', 'o.remote_reissue_id as remoteId', 'c.insurer_id as insurerId'])
    .where('o.state', '=', 'accepted')
    .where('o.remote_reissue_id', 'is not', null)
    .where('o.accepted_at', '<=', now() - RECONCILE_AFTER_MS)
    .orderBy('o.accepted_at')
    .limit(options.limit ?? 20)
    .execute()
  let checked = 0
  let settled = 0
  for (const row of rows) {
    const adapter = adapterFor(row.insurerId)
    if (!adapter || row.remoteId === null) continue
    try {
      const reissue = await adapter.getReissue(row.remoteId)
      checked += 1
      if (reissue.status === 'accepted') continue
      const at = reissue.completedAt === null ? now() : Date.parse(reissue.completedAt)
      const outcome = {
        remoteReissueId: reissue.id,
        status: reissue.status,
        failureCode: reissue.failureCode,
        at,
      }
      if (await settleReissue(database.db, outcome, now())) settled += 1
    } catch (error) {
      // Not reachable now: the next run asks again. Anything else is logged by kind only.
      log.warn('reissue reconcile failed', {
        outboxId: row.id,
        kind: isInsurerError(error) ? error.kind : 'unexpected',
      })
      if (isInsurerError(error) && error.kind !== 'not_found') break
    }
  }
  return { checked, settled }
}
