import type BetterSqlite3 from 'better-sqlite3'
import { LRUCache } from 'lru-cache'

/**
 * Statements kept per connection. Preparing the contract list's statement costs about a
 * third of reading a 200-row page (~0.5 ms of ~1.7 ms at 1M contracts), and Kysely prepares
 * on every call; the workspace lists are opened many times a day. Bounded: each filter
 * combination of the list is its own SQL text.
 */
const MAX_STATEMENTS = 200

const statements = new WeakMap<
  BetterSqlite3.Database,
  LRUCache<string, BetterSqlite3.Statement<unknown[], unknown>>
>()

/** The prepared statement for this SQL on this connection, prepared on first use. */
export function prepared(sqlite: BetterSqlite3.Database, sql: string) {
  let cache = statements.get(sqlite)
  if (!cache) statements.set(sqlite, (cache = new LRUCache({ max: MAX_STATEMENTS })))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)))
  return statement
}
