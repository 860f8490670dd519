import type BetterSqlite3 from 'better-sqlite3'
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import {
  contractSearchKey,
  TRIGRAM_MIN_LENGTH,
  type SearchKeySource,
} from '../../electron/common/domain/contract-search-key'
import type { Database } from '../schema'

/**
 * Writes contract_search rows (migration 0004) on the bulk paths that use better-sqlite3
 * directly (sync, demo seeding). Triggers carry each write into the FTS index.
 */
export interface SearchKeyWriter {
  /** Inserts or replaces the key of one contract; call inside the caller's transaction. */
  write(contractId: number, source: SearchKeySource): void
}

export function prepareSearchKeyWriter(sqlite: BetterSqlite3.Database): SearchKeyWriter {
  // Rewrites only a changed key: an unchanged one would still rewrite its FTS postings.
  const upsert = sqlite.prepare<[number, string, string]>(
    `INSERT INTO contract_search (contract_id, names, numbers) VALUES (?, ?, ?)
     ON CONFLICT (contract_id) DO UPDATE SET names = excluded.names, numbers = excluded.numbers
     WHERE names IS NOT excluded.names OR numbers IS NOT excluded.numbers`,
  )
  return {
    write(contractId, source) {
      const { names, numbers } = contractSearchKey(source)
      upsert.run(contractId, names, numbers)
    },
  }
}

/**
 * A search stops after this many matches: "山" or "090" match a large part of a book, and
 * staff narrow the query rather than scroll through tens of thousands of hits. Stopping
 * early is what keeps every search within its time budget at 1M contracts.
 */
export const SEARCH_MATCH_CAP = 1000

/**
 * Ids of live contracts whose key contains `key` (already normalised) and that pass the
 * filter predicate, at most SEARCH_MATCH_CAP + 1 (one more tells "capped" from "exactly").
 *
 * 3+ characters: the FTS5 trigram index gives the candidates as a stream; CROSS JOIN keeps
 * it outermost, so LIMIT stops reading postings once enough contracts passed the filters.
 * 1–2 characters (no trigram to look up): a scan of the `names` column through its own index
 * (migration 0008: half the pages of the table), which also stops at LIMIT; numbers are left
 * out because one or two digits match nearly every phone and policy number.
 */
export function searchMatchQuery(key: string, filters: RawBuilder<SqlBool>) {
  const limit = SEARCH_MATCH_CAP + 1
  if ([...key].length >= TRIGRAM_MIN_LENGTH) {
    const phrase = `"${key.replaceAll('"', '""')}"`
    return sql<{ id: number }>`SELECT c.id AS id FROM contract_search_fts
      CROSS JOIN contracts c ON c.id = contract_search_fts.rowid
      WHERE contract_search_fts MATCH ${phrase} AND c.deleted_at IS NULL AND ${filters}
      LIMIT ${limit}`
  }
  return sql<{
    id: number
  }>`SELECT c.id AS id FROM contract_search s INDEXED BY contract_search_names
    CROSS JOIN contracts c ON c.id = s.contract_id
    WHERE instr(s.names, ${key}) > 0 AND c.deleted_at IS NULL AND ${filters}
    LIMIT ${limit}`
}

export async function searchMatches(
  db: Kysely<Database>,
  key: string,
  filters: RawBuilder<SqlBool>,
): Promise<number[]> {
  const { rows } = await searchMatchQuery(key, filters).execute(db)
  return rows.map((r) => r.id)
}
