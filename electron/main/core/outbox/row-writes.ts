import type { Kysely } from 'kysely'
import type { DatabaseHandle } from '../../../../db/connection'
import type { Database } from '../../../../db/schema'
import type { ReissueKind } from '../../../common/domain/renewal'
import type { SendOutcome } from './outcome'

/**
 * The drain's writes. Each update is guarded by the state it expects, so a row that another
 * drain, a cancel or startup recovery moved meanwhile is left alone instead of overwritten.
 */

export interface SendingRow {
  id: number
  contractId: number
  kind: ReissueKind
  requestedBy: string
  attempts: number
}

/** Commits before the call, so a crash mid-call leaves 'sending' for recovery to find. */
export async function markSending(
  database: DatabaseHandle,
  id: number,
  now: number,
): Promise<boolean> {
  const result = await database.db
    .updateTable('reissue_outbox')
    .set((eb) => ({ state: 'sending', attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'outcome_unknown'])
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

async function event(
  trx: Kysely<Database>,
  row: SendingRow,
  now: number,
  kind: string,
  detail: Record<string, string | number | boolean | null>,
): Promise<void> {
  const detailJson = JSON.stringify({ outboxId: row.id, reissueKind: row.kind, ...detail })
  await trx
    .insertInto('timeline_events')
    .values({
      contract_id: row.contractId,
      occurred_at: now,
      source: 'system',
      kind,
      staff_id: row.requestedBy,
      detail_json: detailJson,
    })
    .execute()
  // The audit trail records the outcome of each staff action, by the system as actor.
  await trx
    .insertInto('audit_log')
    .values({
      at: now,
      actor_staff_id: null,
      action: kind,
      entity: 'contract',
      entity_id: String(row.contractId),
      detail_json: detailJson,
    })
    .execute()
}

/**
 * Writes the insurer's answer. 'outcome_unknown' is also accepted as the current state:
 * startup recovery in another process may have moved the row while this call was out, and
 * the answer is still the truth.
 */
export async function recordOutcome(
  database: DatabaseHandle,
  row: SendingRow,
  outcome: SendOutcome,
  now: number,
): Promise<boolean> {
  return database.db.transaction().execute(async (trx) => {
    const base = trx
      .updateTable('reissue_outbox')
      .where('id', '=', row.id)
      .where('state', 'in', ['sending', 'outcome_unknown'])
    let updated: bigint
    switch (outcome.state) {
      case 'accepted':
      case 'completed':
        updated = (
          await base
            .set({
              state: outcome.state,
              remote_reissue_id: outcome.remoteReissueId,
              accepted_at: outcome.acceptedAt,
              finished_at: outcome.finishedAt,
              next_attempt_at: null,
              last_error_code: null,
              last_error_message: null,
              updated_at: now,
            })
            .executeTakeFirst()
        ).numUpdatedRows
        if (updated > 0n)
          await event(trx, row, now, 'reissue.sent', {
            remoteReissueId: outcome.remoteReissueId,
            attempts: row.attempts,
          })
        break
      case 'failed':
        updated = (
          await base
            .set({
              state: 'failed',
              remote_reissue_id: outcome.remoteReissueId,
              last_error_code: outcome.code,
              last_error_message: outcome.message,
              next_attempt_at: null,
              finished_at: now,
              updated_at: now,
            })
            .executeTakeFirst()
        ).numUpdatedRows
        if (updated > 0n)
          await event(trx, row, now, 'reissue.rejected', {
            code: outcome.code,
            attempts: row.attempts,
          })
        break
      case 'queued':
      case 'outcome_unknown':
        updated = (
          await base
            .set({
              state: outcome.state,
              next_attempt_at: outcome.nextAttemptAt,
              last_error_code: outcome.code,
              last_error_message: outcome.message,
              updated_at: now,
            })
            .executeTakeFirst()
        ).numUpdatedRows
        break
    }
    return updated > 0n
  })
}

/** Too old to resend safely: a person checks with the insurer, then cancels or re-requests. */
export async function markNeedsConfirmation(
  database: DatabaseHandle,
  row: SendingRow,
  now: number,
  keyRetentionMs: number,
): Promise<boolean> {
  const days = Math.round(keyRetentionMs / 86_400_000)
  const message =
    row.attempts > 0
      ? `依頼から${days}日以上経過し、保険会社が受付済みか確認できません（二重送信防止キーの保存期間切れ）。保険会社で状況を確認し、必要なら取り消して再依頼してください。 / ` +
        `More than ${days} days have passed and the insurer may already have this request (its duplicate-protection key has expired). Check with the insurer, then cancel and re-request if needed.`
      : `依頼から${days}日以上送信できませんでした。まだ必要か確認し、必要なら取り消して再依頼してください。 / ` +
        `This request could not be sent for more than ${days} days. Check that it is still needed; if so, cancel and request again.`
  return database.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('reissue_outbox')
      .set({
        state: 'needs_confirmation',
        next_attempt_at: null,
        last_error_code: 'key_retention_expired',
        last_error_message: message,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('state', 'in', ['queued', 'outcome_unknown'])
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) return false
    await event(trx, row, now, 'reissue.needs_confirmation', { attempts: row.attempts })
    return true
  })
}
