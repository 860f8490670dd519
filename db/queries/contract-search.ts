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
 * A 2-character query is looked up in the trigram index through the trigrams that start
 * with it, when there are at most this many (OR-ing more costs more than a scan, and a pair
 * with that many different next characters is common enough for the scan to stop early).
 */
export const PAIR_TERMS_MAX = 200

/**
 * How a search finds its candidates: a trigram index query (an FTS5 MATCH expression), a scan
 * of the names, or nothing at all (a 2-character query no trigram starts with).
 */
export type SearchPlan = { match: string } | { scan: string } | null

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`

/** The index's trigrams that start with a 2-character key (migration 0010's vocabulary). */
export function pairTermsQuery(pair: string) {
  // Every character sorts below U+10FFFF in SQLite's byte order (UTF-8).
  return sql<{
    term: string
  }>`SELECT term FROM contract_search_terms WHERE term >= ${pair} AND term < ${`${pair}\u{10FFFF}`}`
}

/** A 2-character key without letters that have case: looked up through its trigrams. */
export function isPairLookup(key: string): boolean {
  return [...key].length === 2 && key.toUpperCase() === key
}

/**
 * 3+ characters: the phrase, from the trigram index. 2 characters: every place a pair occurs
 * in a name starts a trigram (keys end in a space), so the trigrams that start with it find
 * exactly the names containing it — unless the pair has letters with case, which the index
 * folds its own way: those, and 1-character queries, scan the names.
 */
export async function searchPlan(db: Kysely<Database>, key: string): Promise<SearchPlan> {
  if ([...key].length >= TRIGRAM_MIN_LENGTH) return { match: quoted(key) }
  if (!isPairLookup(key)) return { scan: key }
  const { rows } = await pairTermsQuery(key).execute(db)
  if (rows.length === 0) return null
  if (rows.length > PAIR_TERMS_MAX) return { scan: key }
  return { match: `names : (${rows.map((r) => quoted(r.term)).join(' OR ')})` }
}

/**
 * Ids of live contracts found by the plan that pass the filter predicate, at most
 * SEARCH_MATCH_CAP + 1 (one more tells "capped" from "exactly"). A list page reads them in the
 * same statement (ContractListQuery.matches); contracts:count counts them.
 *
 * From the trigram index: the candidates come as a stream; CROSS JOIN keeps it outermost,
 * so LIMIT stops reading postings once enough contracts passed the filters. A scan reads the
 * `names` column through its own index (migration 0008: half the pages of the table), which
 * also stops at LIMIT; numbers are left out of short queries because one or two digits
 * match nearly every phone and policy number.
 */
export function searchMatchQuery(plan: NonNullable<SearchPlan>, filters: RawBuilder<SqlBool>) {
  const limit = SEARCH_MATCH_CAP + 1
  if ('match' in plan) {
    return sql<{ id: number }>`SELECT c.id AS id FROM contract_search_fts
      CROSS JOIN contracts c ON c.id = contract_search_fts.rowid
      WHERE contract_search_fts MATCH ${plan.match} AND c.deleted_at IS NULL AND ${filters}
      LIMIT ${limit}`
  }
  return sql<{
    id: number
  }>`SELECT c.id AS id FROM contract_search s INDEXED BY contract_search_names
    CROSS JOIN contracts c ON c.id = s.contract_id
    WHERE instr(s.names, ${plan.scan}) > 0 AND c.deleted_at IS NULL AND ${filters}
    LIMIT ${limit}`
}
