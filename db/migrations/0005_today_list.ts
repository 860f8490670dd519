import { sql, type Kysely } from 'kysely'

/**
 * 0005 — indexes for today's call list (electron/main/core/workspace/today). Only open
 * renewals of live contracts can be due today, and they are read in web-cutoff order (the
 * ranking's first key) per scope: staff in charge, branch, or the whole agency. With the
 * open-status filter in the index's WHERE, a scope's candidates are found without reading
 * a single renewed, lapsed or cancelled contract row; `flow` is in the key because the
 * stuck rules differ by flow, so deciding whether a contract is due never reads its (wide)
 * table row — only the two narrow state rows. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['contracts_today_staff', 'contracts_today_branch', 'contracts_today_all']) {
    await sql.raw(`DROP INDEX IF EXISTS ${index}`).execute(db)
  }
}

const OPEN_AND_LIVE = `WHERE deleted_at IS NULL AND renewal_status IN ('not_started', 'in_progress')`

const STATEMENTS = [
  `CREATE INDEX contracts_today_staff ON contracts(staff_id, web_cutoff_at, flow) ${OPEN_AND_LIVE}`,
  `CREATE INDEX contracts_today_branch ON contracts(branch_id, web_cutoff_at, flow) ${OPEN_AND_LIVE}`,
  `CREATE INDEX contracts_today_all ON contracts(web_cutoff_at, flow) ${OPEN_AND_LIVE}`,
]
