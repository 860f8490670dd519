import { sql, type Kysely } from 'kysely'

/**
 * 0008 — 1- and 2-character searches read every contract's search names (no trigram index
 * can answer them). An index on `names` alone holds just those (~40 bytes a contract, beside
 * the 30-odd bytes of numbers in the table row), so the scan reads about half the pages:
 * at 1M contracts a 2-character search that matches nothing went from ~190 ms to ~105 ms.
 * Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX contract_search_names ON contract_search(names)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS contract_search_names`.execute(db)
}
