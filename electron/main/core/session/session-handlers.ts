import type { Kysely } from 'kysely'
import type { Handlers, Session, StaffMember } from '../../../common/api/contract'
import type { Database } from '../../../../db/schema'
import { AppError } from '../api/app-error'

/** app_settings key of the staff member signed in at this PC. */
export const CURRENT_STAFF_SETTING = 'current_staff_id'

function staffQuery(db: Kysely<Database>) {
  return db
    .selectFrom('staff')
    .innerJoin('branches', 'branches.id', 'staff.branch_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.name_kana',
      'staff.branch_id',
      'branches.name as branch_name',
      'staff.role',
    ])
    .where('staff.active', '=', 1)
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['executeTakeFirstOrThrow']>>

function toStaffMember(r: StaffRow): StaffMember {
  return {
    id: r.id,
    name: r.name,
    nameKana: r.name_kana,
    branchId: r.branch_id,
    branchName: r.branch_name,
    role: r.role,
  }
}

async function activeStaff(db: Kysely<Database>): Promise<StaffMember[]> {
  const rows = await staffQuery(db).orderBy('staff.branch_id').orderBy('staff.name_kana').execute()
  return rows.map(toStaffMember)
}

/**
 * The signed-in staff member, or null: one row, for the handlers that act as them (today's
 * list, triage, notes, saved views) and need not load the whole staff list each call.
 */
export async function readCurrentStaff(db: Kysely<Database>): Promise<StaffMember | null> {
  const row = await staffQuery(db)
    .innerJoin('app_settings', 'app_settings.value', 'staff.id')
    .where('app_settings.key', '=', CURRENT_STAFF_SETTING)
    .executeTakeFirst()
  return row ? toStaffMember(row) : null
}

export async function readSession(db: Kysely<Database>): Promise<Session> {
  const [staff, setting] = await Promise.all([
    activeStaff(db),
    db
      .selectFrom('app_settings')
      .select('value')
      .where('key', '=', CURRENT_STAFF_SETTING)
      .executeTakeFirst(),
  ])
  // A stored id whose staff row left (deactivated, or a new book) means nobody is signed in.
  const current = staff.find((s) => s.id === setting?.value) ?? null
  return { current, staff }
}

export function sessionHandlers(
  db: Kysely<Database>,
): Pick<Handlers, 'session:get' | 'session:signIn' | 'session:signOut'> {
  return {
    'session:get': () => readSession(db),
    'session:signIn': async ({ staffId }) => {
      const session = await readSession(db)
      if (!session.staff.some((s) => s.id === staffId)) {
        throw new AppError(
          'not_found',
          `担当者 ${staffId} は登録されていないか無効です / staff member ${staffId} does not exist or is inactive`,
        )
      }
      await db
        .insertInto('app_settings')
        .values({ key: CURRENT_STAFF_SETTING, value: staffId })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: staffId }))
        .execute()
      return readSession(db)
    },
    'session:signOut': async () => {
      await db.deleteFrom('app_settings').where('key', '=', CURRENT_STAFF_SETTING).execute()
      return readSession(db)
    },
  }
}
