import type BetterSqlite3 from 'better-sqlite3'

/** Statements prepared once per connection: the workspace lists are opened many times a day. */
const statements = new WeakMap<
  BetterSqlite3.Database,
  Map<string, BetterSqlite3.Statement<unknown[], unknown>>
>()

/** The prepared statement for this SQL on this connection, prepared on first use. */
export function prepared(sqlite: BetterSqlite3.Database, sql: string) {
  let cache = statements.get(sqlite)
  if (!cache) statements.set(sqlite, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)))
  return statement
}
