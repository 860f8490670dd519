import type { DatabaseHandle } from '../../../../db/connection'
import { notCancellable, requestNotFound } from './errors'
import { CANCELLABLE_STATES } from './policy'

export interface CancelReissueInput {
  outboxId: number
  /** The staff member cancelling (staff.id). */
  cancelledBy: string
}

/**
 * Staff withdraw a request that has not gone out ('queued') or that waits for them
 * ('needs_confirmation'). Once a row was handed to the insurer it cannot be taken back, so
 * anything else is refused with the reason. The state change, its audit row and the timeline
 * event commit together; the guarded update means a drain that picked the row up a moment
 * earlier wins, and staff are told.
 */
export async function cancelReissue(
  database: DatabaseHandle,
  input: CancelReissueInput,
  now: number,
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('reissue_outbox')
      .select(['id', 'contract_id', 'kind', 'state', 'attempts'])
      .where('id', '=', input.outboxId)
      .executeTakeFirst()
    if (!row) throw requestNotFound(input.outboxId)
    const result = await trx
      .updateTable('reissue_outbox')
      .set({ state: 'cancelled', next_attempt_at: null, finished_at: now, updated_at: now })
      .where('id', '=', row.id)
      .where('state', 'in', CANCELLABLE_STATES)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw notCancellable(row.state)
    const detail = JSON.stringify({
      outboxId: row.id,
      reissueKind: row.kind,
      fromState: row.state,
      attempts: row.attempts,
    })
    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        actor_staff_id: input.cancelledBy,
        action: 'reissue.cancel',
        entity: 'contract',
        entity_id: String(row.contract_id),
        detail_json: detail,
      })
      .execute()
    await trx
      .insertInto('timeline_events')
      .values({
        contract_id: row.contract_id,
        occurred_at: now,
        source: 'staff',
        kind: 'reissue.cancelled',
        staff_id: input.cancelledBy,
        detail_json: detail,
      })
      .execute()
  })
}
