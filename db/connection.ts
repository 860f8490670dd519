import BetterSqlite3 from 'better-sqlite3'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely'
import type { Database } from './schema'

export interface OpenDatabaseOptions {
  /** File path, or ':memory:' for tests. */
  path: string
  /**
   * Path to a better_sqlite3.node built for the running runtime. Electron passes its own
   * build (scripts/native.mjs) so the copy in node_modules stays built for plain Node.
   */
  nativeBinding?: string
  /**
   * Refresh planner statistics at open (default). The sync worker's connection opts out: on a
   * first start it opens right after the migrations, when every table is empty, and
   * statistics taken then made the snapshot's search-index writes ~3× slower per row.
   */
  optimizeOnOpen?: boolean
}

export interface DatabaseHandle {
  db: Kysely<Database>
  /** The single writer connection, for bulk paths that need prepared statements. */
  sqlite: BetterSqlite3.Database
  close(): Promise<void>
}

/**
 * Kysely opens transactions with a plain (deferred) BEGIN. With the sync worker's connection
 * writing beside this one, a deferred transaction that reads and then writes fails at once
 * with SQLITE_BUSY when the other connection committed in between (busy_timeout cannot help
 * there). BEGIN IMMEDIATE takes the write lock first, waiting its turn under busy_timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

/**
 * Opens a connection with explicit pragmas (after Signal's Server.node.ts):
 * - WAL: readers never block the writer, and a crash never leaves a half-written page.
 * - synchronous=FULL: every commit is fsynced. NORMAL would be faster but can lose the last
 *   commits on a power cut, and the reissue outbox promises staff that a queued request
 *   survives; sync commits in large chunks, so the cost per row is small.
 * - foreign_keys=ON: SQLite leaves them off by default.
 * - busy_timeout: the CLI and the app may share a file; wait instead of failing at once.
 */
export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  const sqlite = new BetterSqlite3(
    options.path,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('temp_store = MEMORY')
  sqlite.pragma('cache_size = -65536') // 64 MiB: list queries over 1M rows stay in memory
  // SQLite's advice for long-lived connections: refresh stale planner statistics at open,
  // bounded in cost (0x10002 = analysis limit, and only where it is needed).
  if (options.optimizeOnOpen !== false) sqlite.pragma('optimize = 0x10002')
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) })
  let closed = false
  return {
    db,
    sqlite,
    async close() {
      if (closed) return
      closed = true
      // Lets SQLite refresh its planner statistics for the next start (cheap when idle).
      sqlite.pragma('optimize')
      await db.destroy()
    },
  }
}
