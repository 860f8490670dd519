import { randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../../db/connection'
import type { ReissueOutboxTable } from '../../../../db/schema'
import type { ReissueKind } from '../../../common/domain/renewal'
import {
  contractNotFound,
  contractNotLive,
  duplicateRequest,
  invalidEmail,
  invalidReason,
  kindNotForFlow,
} from './errors'
import {
  DUPLICATE_WINDOW_MS,
  kindAppliesToFlow,
  LIVE_RENEWAL_STATUSES,
  MAX_REASON_LENGTH,
  MAY_HAVE_MAILED_STATES,
  PENDING_STATES,
} from './policy'

export type OutboxRow = Selectable<ReissueOutboxTable>

export interface ReissueRequestInput {
  contractId: number
  kind: ReissueKind
  /** The client's new address when the old one bounced; sent once, never logged. */
  correctedEmail?: string
  /** Why staff asked: kept for the audit trail and sent to the insurer as the note. */
  reason: string
  /** The staff member asking (staff.id). */
  requestedBy: string
}

// The insurer client checks the same way (wire.ts ReissueRequest): refusing here means staff
// hear about a typo now, not after the request failed at the insurer hours later.
const Email = z.email().max(254)

/**
 * Queues a reissue: the outbox row, its audit entry and a timeline event commit together,
 * so the UI may say "queued" as soon as this resolves and a crash never leaves half of it.
 * The row carries a fresh Idempotency-Key, used for every send of this request, ever.
 */
export async function enqueueReissue(
  database: DatabaseHandle,
  input: ReissueRequestInput,
  now: number,
): Promise<OutboxRow> {
  const reason = input.reason.trim()
  if (reason.length < 1 || reason.length > MAX_REASON_LENGTH) throw invalidReason(MAX_REASON_LENGTH)
  const correctedEmail = input.correctedEmail?.trim() || undefined
  if (correctedEmail !== undefined && !Email.safeParse(correctedEmail).success) throw invalidEmail()

  return database.db.transaction().execute(async (trx) => {
    const contract = await trx
      .selectFrom('contracts')
      .select(['id', 'flow', 'renewal_status', 'deleted_at'])
      .where('id', '=', input.contractId)
      .executeTakeFirst()
    if (!contract || contract.deleted_at !== null) throw contractNotFound(input.contractId)
    if (!LIVE_RENEWAL_STATUSES.includes(contract.renewal_status))
      throw contractNotLive(contract.renewal_status)
    if (!kindAppliesToFlow(input.kind, contract.flow))
      throw kindNotForFlow(input.kind, contract.flow)

    // Checked inside the transaction: two clicks cannot both pass (one writer connection).
    const earlier = await trx
      .selectFrom('reissue_outbox')
      .select(['requested_at', 'state'])
      .where('contract_id', '=', contract.id)
      .where('kind', '=', input.kind)
      .where((eb) =>
        eb.or([
          eb('state', 'in', PENDING_STATES),
          eb.and([
            eb('state', 'in', MAY_HAVE_MAILED_STATES),
            eb('requested_at', '>', now - DUPLICATE_WINDOW_MS),
          ]),
        ]),
      )
      .orderBy('id', 'desc')
      .executeTakeFirst()
    if (earlier)
      throw duplicateRequest(input.kind, {
        requestedAt: earlier.requested_at,
        state: earlier.state,
      })

    const row = await trx
      .insertInto('reissue_outbox')
      .values({
        contract_id: contract.id,
        kind: input.kind,
        corrected_email: correctedEmail ?? null,
        reason,
        requested_by: input.requestedBy,
        requested_at: now,
        idempotency_key: randomUUID(),
        state: 'queued',
        attempts: 0,
        next_attempt_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()

    // Codes and lengths only: the reason is free text and may name the client.
    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        actor_staff_id: input.requestedBy,
        action: 'reissue.request',
        entity: 'contract',
        entity_id: String(contract.id),
        detail_json: JSON.stringify({
          outboxId: row.id,
          kind: input.kind,
          emailCorrected: correctedEmail !== undefined,
          reasonLength: reason.length,
        }),
      })
      .execute()
    await trx
      .insertInto('timeline_events')
      .values({
        contract_id: contract.id,
        occurred_at: now,
        source: 'staff',
        kind: 'reissue.queued',
        staff_id: input.requestedBy,
        detail_json: JSON.stringify({
          outboxId: row.id,
          reissueKind: input.kind,
          emailCorrected: correctedEmail !== undefined,
        }),
      })
      .execute()
    return row
  })
}
