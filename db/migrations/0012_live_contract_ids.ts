import { sql, type Kysely } from 'kysely'

/**
 * 0012 — the live contracts' ids with their two date sort keys, in a compact index.
 *
 * A filter on a state kept in a child table (credential mail, registration, step, outbox)
 * is answered from the state's set of contract ids: each id is looked up to check that the
 * contract is live (and, for a page, to read its sort key). Looked up in the table, each
 * costs a read of a whole contract row: at 1M contracts, counting the 50k with a
 * registration problem took ~170 ms, and the page of bounced mail by latest cutoff ~130 ms.
 * In this index (about 30 bytes an entry, partial to live contracts) the same lookups
 * measured 50 and 31 ms. SQLite does not choose it by itself (a rowid lookup looks cheaper
 * to it), so the queries that start from such a set name it (contracts.ts).
 * IF NOT EXISTS: SQLite migrations run outside a transaction (see 0011). Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS contracts_live_ids
    ON contracts(id, web_cutoff_at, maturity_date)
    WHERE deleted_at IS NULL`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS contracts_live_ids`.execute(db)
}
