import { sql, type Kysely } from 'kysely'

/**
 * 0007 — today's list and the triage screen at 1M contracts.
 *
 * Each contract stores its stuck schedules, derived from its stored state by TypeScript
 * (electron/common/domain/today-schedule.ts and triage-schedule.ts): when it becomes due for
 * today's list (today_due_from), up to three pieces of how stuck it is from when on
 * (stuck1..3), and its メール未着・登録エラー group from when (triage_*). This migration only
 * adds the columns; startCore fills them (refreshSchedules) before the first window loads.
 *
 * Per scope (staff / branch / whole agency), partial indexes over open renewals:
 * - contracts_today_*: in web-cutoff order, holding every column today's ranking reads, so a
 *   cutoff range (21k contracts whose cutoff passed, in a 1M book) is ranked from the index
 *   alone (~9 ms) instead of 21k table rows (~75 ms). They replace 0005's indexes.
 * - contracts_due_*: by due instant, so "how many are due now" counts index entries only.
 * - contracts_triage_*: the contracts with a triage group, by group and start, holding the
 *   order's columns. They replace 0006's credential_mail_triage (candidates by mail state,
 *   whose rules then ran in TypeScript over 150k contracts: seconds).
 * Frozen.
 */
const INTEGER_COLUMNS = [
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
  'triage_from',
  'triage_since',
]

const OPEN_AND_LIVE = `WHERE deleted_at IS NULL AND renewal_status IN ('not_started', 'in_progress')`

const RANK_COLUMNS = `web_cutoff_at, today_due_from, maturity_date,
  stuck1_from, stuck1_severity, stuck1_since, stuck2_from, stuck2_severity, stuck2_since,
  stuck3_from, stuck3_severity, stuck3_since, policy_number`

const TRIAGE_COLUMNS = 'triage_category, triage_from, web_cutoff_at, triage_since'

const SCOPES: Array<[name: string, key: string]> = [
  ['staff', 'staff_id, '],
  ['branch', 'branch_id, '],
  ['all', ''],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of INTEGER_COLUMNS) {
    await sql.raw(`ALTER TABLE contracts ADD COLUMN ${column} INTEGER`).execute(db)
  }
  await sql`ALTER TABLE contracts ADD COLUMN triage_category TEXT`.execute(db)
  // The new columns are empty: whatever a past run recorded, recompute them at start.
  await sql`DELETE FROM app_settings WHERE key = 'stuck_schedule_version'`.execute(db)
  await sql`DROP INDEX IF EXISTS credential_mail_triage`.execute(db)
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
    await sql
      .raw(
        `CREATE INDEX contracts_triage_${name} ON contracts(${key}${TRIAGE_COLUMNS})
         ${OPEN_AND_LIVE} AND triage_category IS NOT NULL`,
      )
      .execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, key] of SCOPES) {
    await sql.raw(`DROP INDEX IF EXISTS contracts_triage_${name}`).execute(db)
    await sql.raw(`DROP INDEX IF EXISTS contracts_due_${name}`).execute(db)
    await sql.raw(`DROP INDEX IF EXISTS contracts_today_${name}`).execute(db)
    // 0005's index, as it was.
    await sql
      .raw(
        `CREATE INDEX contracts_today_${name} ON contracts(${key}web_cutoff_at, flow) ${OPEN_AND_LIVE}`,
      )
      .execute(db)
  }
  // 0006's index, as it was.
  await sql`CREATE INDEX credential_mail_triage ON credential_mail_state(contract_id)
    WHERE (id_mail_status IN ('sent', 'bounced')
    OR password_mail_status = 'bounced'
    OR (id_mail_status = 'delivered' AND password_mail_status IN ('not_sent', 'sent'))
    OR (id_mail_status = 'delivered' AND password_mail_status = 'suppressed_existing'
      AND first_login_at IS NULL)
    OR mypage_status IN ('provisional', 'expired', 'mismatch', 'wrong_policy_number'))`.execute(db)
  for (const column of [...INTEGER_COLUMNS, 'triage_category']) {
    await sql.raw(`ALTER TABLE contracts DROP COLUMN ${column}`).execute(db)
  }
}
