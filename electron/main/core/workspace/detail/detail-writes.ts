import type { Kysely, Transaction } from 'kysely'
import type { DatabaseHandle } from '../../../../../db/connection'
import type { Database } from '../../../../../db/schema'
import type { FollowUp, Note, ReassignResult } from '../../../../common/api/contract-detail'
import type { StaffMember } from '../../../../common/api/contract'
import type { z } from 'zod'
import { AppError } from '../../api/app-error'
import { readCurrentStaff } from '../../session/session-handlers'
import { contractNotFound, readFollowUp, toNote } from './read-contract-detail'

/**
 * The writes made from the contract detail. Each one commits with its audit entry in one
 * transaction, and records who did it from the session, never from the request: the
 * renderer cannot claim to be someone else. Audit details hold ids, dates and lengths only;
 * a note's text may name the client.
 */

async function signedInStaff(db: Kysely<Database>): Promise<StaffMember> {
  const current = await readCurrentStaff(db)
  if (!current) {
    throw new AppError(
      'request_refused',
      '担当者が選択されていません。担当者を選んでからもう一度操作してください。 / Nobody is signed in: choose who you are, then try again.',
    )
  }
  return current
}

async function liveContract(trx: Transaction<Database>, contractId: number) {
  const row = await trx
    .selectFrom('contracts')
    .select(['id', 'staff_id', 'deleted_at'])
    .where('id', '=', contractId)
    .executeTakeFirst()
  if (!row || row.deleted_at !== null) throw contractNotFound(contractId)
  return row
}

async function audit(
  trx: Transaction<Database>,
  at: number,
  actor: string,
  action: string,
  contractId: number,
  detail: Record<string, string | number | null>,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at,
      actor_staff_id: actor,
      action,
      entity: 'contract',
      entity_id: String(contractId),
      detail_json: JSON.stringify(detail),
    })
    .execute()
}

export async function addNote(
  database: DatabaseHandle,
  input: { contractId: number; body: string },
  now: number,
): Promise<Note> {
  const staff = await signedInStaff(database.db)
  return database.db.transaction().execute(async (trx) => {
    await liveContract(trx, input.contractId)
    const note = await trx
      .insertInto('notes')
      .values({
        contract_id: input.contractId,
        staff_id: staff.id,
        body: input.body,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'body', 'staff_id', 'created_at'])
      .executeTakeFirstOrThrow()
    await audit(trx, now, staff.id, 'note.add', input.contractId, {
      noteId: note.id,
      length: input.body.length,
    })
    return toNote({ ...note, staff_name: staff.name })
  })
}

/**
 * One open follow-up per contract: setting a date closes the open one and opens a new one,
 * so the history of dates stays in the table; null closes it.
 */
export async function setFollowUp(
  database: DatabaseHandle,
  input: { contractId: number; dueDate: string | null; memo?: string | undefined },
  now: number,
): Promise<{ followUp: FollowUp | null }> {
  const staff = await signedInStaff(database.db)
  await database.db.transaction().execute(async (trx) => {
    await liveContract(trx, input.contractId)
    const closed = await trx
      .updateTable('follow_ups')
      .set({ done_at: now })
      .where('contract_id', '=', input.contractId)
      .where('done_at', 'is', null)
      .executeTakeFirst()
    if (input.dueDate === null) {
      // Clearing nothing is not an action worth a line in the history.
      if (closed.numUpdatedRows > 0n)
        await audit(trx, now, staff.id, 'followUp.clear', input.contractId, {})
      return
    }
    const row = await trx
      .insertInto('follow_ups')
      .values({
        contract_id: input.contractId,
        staff_id: staff.id,
        due_date: input.dueDate,
        reason: input.memo ?? '',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, now, staff.id, 'followUp.set', input.contractId, {
      followUpId: row.id,
      dueDate: input.dueDate,
      memoLength: input.memo?.length ?? 0,
    })
  })
  return { followUp: await readFollowUp(database, input.contractId) }
}

/**
 * Managers, or the staff member now in charge, hand the contract on. The sync never
 * overwrites an assignment once set (apply-contract.ts, "staff win"), so this sticks.
 */
export async function reassignContract(
  database: DatabaseHandle,
  input: { contractId: number; staffId: string },
  now: number,
): Promise<z.infer<typeof ReassignResult>> {
  const actor = await signedInStaff(database.db)
  return database.db.transaction().execute(async (trx) => {
    const contract = await liveContract(trx, input.contractId)
    if (actor.role !== 'manager' && contract.staff_id !== actor.id) {
      throw new AppError(
        'request_refused',
        '担当者を変更できるのは支店長か、この契約の現在の担当者だけです。 / Only a manager or the staff member in charge can reassign this contract.',
      )
    }
    const target = await trx
      .selectFrom('staff as s')
      .innerJoin('branches as b', 'b.id', 's.branch_id')
      .select(['s.id', 's.name', 's.active', 's.branch_id', 'b.name as branch_name'])
      .where('s.id', '=', input.staffId)
      .executeTakeFirst()
    if (!target || target.active !== 1) {
      throw new AppError(
        'request_refused',
        `担当者 ${input.staffId} は登録されていないか無効です。有効な担当者を選んでください。 / ` +
          `Staff member ${input.staffId} does not exist or is inactive: choose an active one.`,
      )
    }
    const result = {
      staff: { id: target.id, name: target.name },
      branch: { id: target.branch_id, name: target.branch_name },
    }
    if (contract.staff_id === target.id) return result
    // The contract follows its staff member's branch, so "my branch" lists stay right.
    await trx
      .updateTable('contracts')
      .set({ staff_id: target.id, branch_id: target.branch_id, updated_at: now })
      .where('id', '=', contract.id)
      .execute()
    await audit(trx, now, actor.id, 'contract.reassign', contract.id, {
      fromStaffId: contract.staff_id,
      toStaffId: target.id,
    })
    return result
  })
}
