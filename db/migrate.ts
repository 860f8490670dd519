import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations'

/** The database was written by a newer Renewal Desk; opening it could damage it. */
export class DatabaseFromNewerVersionError extends Error {
  readonly code = 'db_from_newer_version'
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `このデータベースは新しいバージョンの更新デスクで作成されています（スキーマ ${found}、対応 ${supported} まで）。` +
        `アプリを最新版に更新してください。 / This database was written by a newer Renewal Desk ` +
        `(schema ${found}; this version supports up to ${supported}). Update the app.`,
    )
  }
}

export class MigrationFailedError extends Error {
  readonly code = 'migration_failed'
}

function migrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(MIGRATIONS) },
  })
}

/** PRAGMA user_version mirrors the number of applied migrations, for quick checks. */
export async function schemaVersion<DB>(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
  return rows[0]?.user_version ?? 0
}

async function refuseNewerDatabase<DB>(db: Kysely<DB>): Promise<void> {
  const found = await schemaVersion(db)
  if (found > LATEST_SCHEMA_VERSION)
    throw new DatabaseFromNewerVersionError(found, LATEST_SCHEMA_VERSION)
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db)
  if (rows.length === 0) return
  const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db)
  const known = new Set(MIGRATIONS.map(([name]) => name))
  const unknown = applied.rows.filter((r) => !known.has(r.name))
  if (unknown.length > 0) {
    throw new DatabaseFromNewerVersionError(applied.rows.length, LATEST_SCHEMA_VERSION)
  }
}

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '?'
    const cause = result.error instanceof Error ? result.error.message : String(result.error)
    throw new MigrationFailedError(`migration ${failed} failed: ${cause}`)
  }
}

async function recordVersion<DB>(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(db)
  const version = rows[0]?.n ?? 0
  await sql.raw(`PRAGMA user_version = ${Number(version)}`).execute(db)
  return version
}

/** Brings the database to the latest schema; runs before any window loads. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<number> {
  await refuseNewerDatabase(db)
  check(await migrator(db).migrateToLatest())
  return recordVersion(db)
}

/** For tests: stop at a given migration (by name) to check upgrades from older schemas. */
export async function migrateTo<DB>(db: Kysely<DB>, name: string): Promise<number> {
  await refuseNewerDatabase(db)
  check(await migrator(db).migrateTo(name))
  return recordVersion(db)
}
