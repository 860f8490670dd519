import { sql, type Kysely } from 'kysely'

/**
 * 0009 — 0007's schedule indexes, made covering.
 *
 * Every query over them repeats the indexes' own condition (deleted_at IS NULL AND
 * renewal_status IN (…)): SQLite uses a partial index only when the query implies its WHERE.
 * But the two columns were not in the indexes, so SQLite read the table row of every entry
 * to test them again: counting the 262k contracts due today in a 1M book meant 262k table
 * rows (~20 ms), ranking the 21k whose web cutoff had passed 21k rows. Carrying both columns
 * (NULL and a short word: a few bytes an entry) lets the index answer alone.
 * Frozen.
 */
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

/** The three indexes of a scope; `tested` is appended to each one's columns. */
async function createIndexes(db: Kysely<any>, name: string, key: string, tested: string) {
  await sql
    .raw(
      `CREATE INDEX contracts_today_${name} ON contracts(${key}${RANK_COLUMNS}${tested}) ${OPEN_AND_LIVE}`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE INDEX contracts_due_${name} ON contracts(${key}today_due_from${tested}) ${OPEN_AND_LIVE}`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE INDEX contracts_triage_${name} ON contracts(${key}${TRIAGE_COLUMNS}${tested})
       ${OPEN_AND_LIVE} AND triage_category IS NOT NULL`,
    )
    .execute(db)
}

async function dropIndexes(db: Kysely<any>, name: string) {
  for (const kind of ['today', 'due', 'triage']) {
    await sql.raw(`DROP INDEX IF EXISTS contracts_${kind}_${name}`).execute(db)
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, key] of SCOPES) {
    await dropIndexes(db, name)
    await createIndexes(db, name, key, ', renewal_status, deleted_at')
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, key] of SCOPES) {
    await dropIndexes(db, name)
    await createIndexes(db, name, key, '')
  }
}
