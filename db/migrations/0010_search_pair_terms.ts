import { sql, type Kysely } from 'kysely'

/**
 * 0010 — 2-character searches from the trigram index.
 *
 * A 2-character query has no trigram to look up, so it scanned every contract's names:
 * ~130 ms at 1M contracts, the whole budget, even when nothing matched. But every place a
 * pair of characters occurs in a name is the start of a trigram (the pair and the character
 * after it) — except at the very end of the key, where no character follows. Keys now end
 * in a space (queries never contain one), so every pair starts a trigram, and the trigram
 * index's own list of terms (an fts5vocab table) tells which trigrams start with the pair:
 * none means no contract matches, a few are looked up in the index like any 3+ character
 * query (see db/queries/contract-search.ts).
 *
 * The keys are rewritten once and the index rebuilt from them; the triggers are dropped
 * meanwhile, as one rebuild is much cheaper than a delete and an insert per contract
 * (~2.5 s at 100k contracts here). SQLite migrations run outside a transaction (Kysely's
 * SQLite adapter), so every step may run again after a crash part-way: each statement is
 * atomic on its own, and none repeats its work.
 * Frozen: the triggers below are 0004's, copied.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const name of TRIGGER_NAMES) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db)
  await sql`UPDATE contract_search SET names = names || ' '
    WHERE names <> '' AND substr(names, -1) <> ' '`.execute(db)
  await sql`INSERT INTO contract_search_fts (contract_search_fts) VALUES ('rebuild')`.execute(db)
  for (const trigger of TRIGGERS) await sql.raw(trigger).execute(db)
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS contract_search_terms
    USING fts5vocab(contract_search_fts, 'row')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS contract_search_terms`.execute(db)
  for (const name of TRIGGER_NAMES) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db)
  await sql`UPDATE contract_search SET names = rtrim(names, ' ')`.execute(db)
  await sql`INSERT INTO contract_search_fts (contract_search_fts) VALUES ('rebuild')`.execute(db)
  for (const trigger of TRIGGERS) await sql.raw(trigger).execute(db)
}

const TRIGGER_NAMES = ['contract_search_ai', 'contract_search_ad', 'contract_search_au']

// The external-content pattern from the FTS5 documentation (as 0004 created them).
const TRIGGERS = [
  `CREATE TRIGGER contract_search_ai AFTER INSERT ON contract_search BEGIN
     INSERT INTO contract_search_fts (rowid, names, numbers)
     VALUES (new.contract_id, new.names, new.numbers);
   END`,
  `CREATE TRIGGER contract_search_ad AFTER DELETE ON contract_search BEGIN
     INSERT INTO contract_search_fts (contract_search_fts, rowid, names, numbers)
     VALUES ('delete', old.contract_id, old.names, old.numbers);
   END`,
  `CREATE TRIGGER contract_search_au AFTER UPDATE ON contract_search BEGIN
     INSERT INTO contract_search_fts (contract_search_fts, rowid, names, numbers)
     VALUES ('delete', old.contract_id, old.names, old.numbers);
     INSERT INTO contract_search_fts (rowid, names, numbers)
     VALUES (new.contract_id, new.names, new.numbers);
   END`,
]
