import type { DatabaseHandle } from '../../../../db/connection'
import { OUTBOX_STATES, type OutboxState, type ReissueKind } from '../../../common/domain/renewal'

export interface OutboxListItem {
  id: number
  contractId: number
  insurerId: string
  policyNumber: string
  kind: ReissueKind
  state: OutboxState
  attempts: number
  requestedBy: string
  requestedAt: number
  nextAttemptAt: number | null
  /** Whether staff gave a corrected address; the address itself is not listed. */
  emailCorrected: boolean
  reason: string
  lastErrorCode: string | null
  lastErrorMessage: string | null
  remoteReissueId: string | null
  acceptedAt: number | null
  finishedAt: number | null
}

export type OutboxCounts = Record<OutboxState, number> & {
  /** Still to reach the insurer: queued + sending + outcome_unknown. */
  pending: number
  total: number
}

export interface ListOutboxOptions {
  states?: readonly OutboxState[]
  contractId?: number
  /** Default 100, at most 1000. */
  limit?: number
  offset?: number
}

export const MAX_OUTBOX_PAGE = 1000

/** Newest first, for the CLI `outbox` command and the UI; counts cover the whole outbox. */
export async function listOutbox(
  database: DatabaseHandle,
  options: ListOutboxOptions = {},
): Promise<{ items: OutboxListItem[]; counts: OutboxCounts }> {
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? 100)), MAX_OUTBOX_PAGE)
  const offset = Math.max(0, Math.trunc(options.offset ?? 0))
  let query = database.db
    .selectFrom('reissue_outbox as o')
    .innerJoin('contracts as c', 'c.id', 'o.contract_id')
    .select((eb) => [
      'o.id',
      'o.contract_id as contractId',
      'c.insurer_id as insurerId',
      'c.policy_number as policyNumber',
      'o.kind',
      'o.state',
      'o.attempts',
      'o.requested_by as requestedBy',
      'o.requested_at as requestedAt',
      'o.next_attempt_at as nextAttemptAt',
      eb('o.corrected_email', 'is not', null).as('emailCorrected'),
      'o.reason',
      'o.last_error_code as lastErrorCode',
      'o.last_error_message as lastErrorMessage',
      'o.remote_reissue_id as remoteReissueId',
      'o.accepted_at as acceptedAt',
      'o.finished_at as finishedAt',
    ])
  if (options.states && options.states.length > 0)
    query = query.where('o.state', 'in', options.states)
  if (options.contractId !== undefined)
    query = query.where('o.contract_id', '=', options.contractId)
  const rows = await query.orderBy('o.id', 'desc').limit(limit).offset(offset).execute()
  const items = rows.map((r) => ({ ...r, emailCorrected: Boolean(r.emailCorrected) }))
  return { items, counts: await countOutbox(database) }
}

export async function countOutbox(database: DatabaseHandle): Promise<OutboxCounts> {
  const rows = await database.db
    .selectFrom('reissue_outbox')
    .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute()
  const counts = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<OutboxState, number>
  for (const r of rows) counts[r.state] = Number(r.n)
  const pending = counts.queued + counts.sending + counts.outcome_unknown
  const total = OUTBOX_STATES.reduce((sum, s) => sum + counts[s], 0)
  return { ...counts, pending, total }
}
