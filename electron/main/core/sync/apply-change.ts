import type BetterSqlite3 from 'better-sqlite3'
import type { Change, Event } from '../insurer/wire'
import { prepareContractWriter, type ContractWriter } from './apply-contract'

export type ChangeOutcome =
  | 'inserted'
  | 'updated'
  | 'unchanged'
  | 'tombstoned'
  | 'event'
  /** Not for this cache: an event for a contract we do not hold, or a filtered-out policy. */
  | 'ignored'

export interface ChangeApplier {
  readonly contracts: ContractWriter
  /** Applies one feed item; call inside the caller's transaction. `at` = epoch ms. */
  apply(change: Change, at: number): ChangeOutcome
}

/**
 * The event fields that are codes (statuses, reasons, ids). Anything else an insurer adds
 * later is dropped: the timeline must never hold personal data, and an unknown field might.
 */
const DETAIL_KEYS = [
  'reason',
  'step',
  'screen',
  'mismatchField',
  'channel',
  'renewedPolicyNumber',
  'reissueId',
  'reissueKind',
  'failureCode',
] as const satisfies ReadonlyArray<keyof Event>

export function eventDetail(event: Event): Record<string, string> {
  const detail: Record<string, string> = {}
  for (const key of DETAIL_KEYS) {
    const value = event[key]
    if (typeof value === 'string') detail[key] = value
  }
  return detail
}

// Outcome states a reissue never leaves: the feed may repeat or reorder, never rewind.
const FINAL = `('completed', 'failed', 'cancelled')`

function prepareStatements(sqlite: BetterSqlite3.Database) {
  return {
    tombstone: sqlite.prepare(
      `UPDATE contracts SET deleted_at = ?, updated_at = ?
       WHERE insurer_id = ? AND policy_number = ? AND deleted_at IS NULL`,
    ),
    event: sqlite.prepare(
      `INSERT OR IGNORE INTO timeline_events
         (contract_id, occurred_at, source, kind, detail_json, staff_id, remote_seq)
       VALUES (?, ?, 'insurer', ?, ?, NULL, ?)`,
    ),
    // No index on remote_reissue_id: the outbox holds thousands of rows at most, and these
    // events are rare next to contract upserts.
    accepted: sqlite.prepare(
      `UPDATE reissue_outbox SET state = 'accepted', accepted_at = coalesce(accepted_at, ?),
         updated_at = ?
       WHERE remote_reissue_id = ? AND state IN ('queued', 'sending', 'outcome_unknown',
         'needs_confirmation')`,
    ),
    completed: sqlite.prepare(
      `UPDATE reissue_outbox SET state = 'completed', accepted_at = coalesce(accepted_at, ?),
         finished_at = ?, updated_at = ?
       WHERE remote_reissue_id = ? AND state NOT IN ${FINAL}`,
    ),
    failed: sqlite.prepare(
      `UPDATE reissue_outbox SET state = 'failed', accepted_at = coalesce(accepted_at, ?),
         finished_at = ?, last_error_code = ?, last_error_message = ?, updated_at = ?
       WHERE remote_reissue_id = ? AND state NOT IN ${FINAL}`,
    ),
  }
}

/** Words for the outbox row; the code is the insurer's, nothing personal is quoted. */
export function reissueFailureMessage(code: string): string {
  return (
    `保険会社で再発行が完了しませんでした（理由コード: ${code}）。内容を確認して再度依頼してください。 / ` +
    `The insurer could not complete the reissue (reason code: ${code}). Check the details and request it again.`
  )
}

export interface ChangeApplierOptions {
  /** Policies this cache holds for the insurer; others are ignored (see SyncOptions). */
  acceptPolicy?: (policyNumber: string) => boolean
}

export function prepareChangeApplier(
  sqlite: BetterSqlite3.Database,
  insurerId: string,
  options: ChangeApplierOptions = {},
): ChangeApplier {
  const contracts = prepareContractWriter(sqlite, insurerId)
  const s = prepareStatements(sqlite)
  const accept = options.acceptPolicy ?? (() => true)

  const reissueTransition = (event: Event, occurredAt: number, at: number) => {
    const id = event.reissueId
    if (id === undefined) return
    if (event.type === 'reissue.accepted') s.accepted.run(occurredAt, at, id)
    else if (event.type === 'reissue.completed') s.completed.run(occurredAt, occurredAt, at, id)
    else if (event.type === 'reissue.failed') {
      const code = event.failureCode ?? 'unknown'
      s.failed.run(occurredAt, occurredAt, code, reissueFailureMessage(code), at, id)
    }
  }

  return {
    contracts,
    apply(change, at) {
      switch (change.kind) {
        case 'contract.upsert':
          if (!accept(change.contract.policyNumber)) return 'ignored'
          return contracts.apply(change.contract, at)
        case 'contract.tombstone': {
          if (!accept(change.policyNumber)) return 'ignored'
          const run = s.tombstone.run(at, at, insurerId, change.policyNumber)
          return run.changes > 0 ? 'tombstoned' : 'unchanged'
        }
        case 'event': {
          if (!accept(change.policyNumber)) return 'ignored'
          const contractId = contracts.contractId(change.policyNumber)
          if (contractId === null) return 'ignored'
          const occurredAt = Date.parse(change.occurredAt)
          const detail = JSON.stringify(eventDetail(change.event))
          const run = s.event.run(contractId, occurredAt, change.event.type, detail, change.seq)
          // A replayed event (same seq) was applied with its transition in one transaction.
          if (run.changes === 0) return 'unchanged'
          reissueTransition(change.event, occurredAt, at)
          return 'event'
        }
      }
    },
  }
}
