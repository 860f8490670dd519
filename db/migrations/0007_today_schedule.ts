import { sql, type Kysely } from 'kysely'

/**
 * 0007 — today's call list at 1M contracts (electron/common/domain/today-schedule.ts).
 *
 * Each contract stores when it becomes due for today's list (today_due_from) and up to three
 * pieces of its stuck schedule (from which instant how severe, stuck since when). They are
 * derived from the stored state by TypeScript, so this migration only adds the columns;
 * startCore fills them (refreshTodaySchedules) before the first window loads.
 *
 * The 0005 indexes are replaced. Per scope, two partial indexes over open renewals:
 * - contracts_today_*: in web-cutoff order, holding every column the list ranks by, so the
 *   ranking of a cutoff range (21k contracts whose cutoff passed, for a whole 1M book) is
 *   read from the index alone (~9 ms) instead of from 21k table rows (~75 ms);
 * - contracts_due_*: by due instant, so "how many are due now" counts index entries only.
 * Frozen.
 */
const SCHEDULE_COLUMNS = [
  'today_due_from',
  'stuck1_from',
  'stuck1_severity',
  'stuck1_since',
  'stuck2_from',
  'stuck2_severity',
  'stuck2_since',
  'stuck3_from',
  'stuck3_severity',
  'stuck3_since',
]

const OPEN_AND_LIVE = `WHERE deleted_at IS NULL AND renewal_status IN ('not_started', 'in_progress')`

const RANK_COLUMNS = `web_cutoff_at, today_due_from, maturity_date,
  stuck1_from, stuck1_severity, stuck1_since, stuck2_from, stuck2_severity, stuck2_since,
  stuck3_from, stuck3_severity, stuck3_since, policy_number`

const SCOPES: Array<[name: string, key: string]> = [
  ['staff', 'staff_id, '],
  ['branch', 'branch_id, '],
  ['all', ''],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of SCHEDULE_COLUMNS) {
    await sql.raw(`ALTER TABLE contracts ADD COLUMN ${column} INTEGER`).execute(db)
  }
  // The new columns are empty: whatever rules version a past run recorded, recompute them.
  await sql`DELETE FROM app_settings WHERE key = 'today_rules_version'`.execute(db)
  for (const [name, key] of SCOPES) {
    await sql.raw(`DROP INDEX IF EXISTS contracts_today_${name}`).execute(db)
    await sql
      .raw(
        `CREATE INDEX contracts_today_${name} ON contracts(${key}${RANK_COLUMNS}) ${OPEN_AND_LIVE}`,
      )
      .execute(db)
    await sql
      .raw(`CREATE INDEX contracts_due_${name} ON contracts(${key}today_due_from) ${OPEN_AND_LIVE}`)
      .execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, key] of SCOPES) {
    await sql.raw(`DROP INDEX IF EXISTS contracts_due_${name}`).execute(db)
    await sql.raw(`DROP INDEX IF EXISTS contracts_today_${name}`).execute(db)
    // 0005's index, as it was.
    await sql
      .raw(
        `CREATE INDEX contracts_today_${name} ON contracts(${key}web_cutoff_at, flow) ${OPEN_AND_LIVE}`,
      )
      .execute(db)
  }
  for (const column of SCHEDULE_COLUMNS) {
    await sql.raw(`ALTER TABLE contracts DROP COLUMN ${column}`).execute(db)
  }
}
