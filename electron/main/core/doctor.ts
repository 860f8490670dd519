import type { DatabaseHandle } from '../../../db/connection'
import { schemaVersion } from '../../../db/migrate'
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations'
import type { Database } from '../../../db/schema'

/** Every table of db/schema.ts; typed as a record so a new table fails to compile here. */
const TABLES: Record<keyof Database, true> = {
  insurers: true,
  branches: true,
  staff: true,
  clients: true,
  contracts: true,
  credential_mail_state: true,
  renewal_progress: true,
  timeline_events: true,
  notes: true,
  follow_ups: true,
  reissue_outbox: true,
  sync_state: true,
  audit_log: true,
  app_settings: true,
  contract_search: true,
  saved_views: true,
}

export const DATABASE_TABLES = Object.keys(TABLES) as (keyof Database)[]

export interface DoctorReport {
  ok: boolean
  schemaVersion: number
  latestSchemaVersion: number
  /** 'ok', or SQLite's findings joined with '; '. */
  integrity: string
  foreignKeyViolations: number
  /** Rows per table; a table the schema lacks is left out (and reported in problems). */
  counts: Record<string, number>
  /** What is wrong, in Japanese and English; empty when ok. Never contains row data. */
  problems: string[]
}

function existingTables(database: DatabaseHandle): Set<string> {
  const rows = database.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
    .all() as { name: string }[]
  return new Set(rows.map((r) => r.name))
}

/** Row counts of the app's tables that exist in this file. */
export function countRows(database: DatabaseHandle): Record<string, number> {
  const present = existingTables(database)
  const counts: Record<string, number> = {}
  for (const table of DATABASE_TABLES) {
    if (!present.has(table)) continue
    // Table names come from the constant above, never from input.
    const row = database.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as {
      n: number
    }
    counts[table] = row.n
  }
  return counts
}

/**
 * Health check for support and the CLI: schema version, SQLite's integrity_check and
 * foreign_key_check, and row counts. Reads only; never migrates or repairs.
 */
export async function runDoctor(database: DatabaseHandle): Promise<DoctorReport> {
  const problems: string[] = []
  const version = await schemaVersion(database.db)
  if (version < LATEST_SCHEMA_VERSION) {
    problems.push(
      `スキーマが古いままです（${version} / 最新 ${LATEST_SCHEMA_VERSION}）。アプリを起動して移行してください。 / ` +
        `Schema is behind (${version} of ${LATEST_SCHEMA_VERSION}); start the app to migrate it.`,
    )
  } else if (version > LATEST_SCHEMA_VERSION) {
    problems.push(
      `新しいバージョンのアプリで作成されたデータベースです（スキーマ ${version}）。アプリを更新してください。 / ` +
        `Database is from a newer app (schema ${version}); update the app.`,
    )
  }

  const integrityRows = database.sqlite.pragma('integrity_check') as { integrity_check: string }[]
  const integrity = integrityRows.map((r) => r.integrity_check).join('; ') || 'no result'
  if (integrity !== 'ok') {
    problems.push(
      `整合性チェックで問題が見つかりました。バックアップから復元してください。 / integrity_check failed; restore from a backup.`,
    )
  }

  const foreignKeyViolations = (database.sqlite.pragma('foreign_key_check') as unknown[]).length
  if (foreignKeyViolations > 0) {
    problems.push(
      `外部キーの不整合が ${foreignKeyViolations} 件あります。 / ${foreignKeyViolations} foreign-key violations.`,
    )
  }

  const counts = countRows(database)
  const missing = DATABASE_TABLES.filter((t) => !(t in counts))
  if (missing.length > 0 && version >= LATEST_SCHEMA_VERSION) {
    problems.push(`テーブルがありません / missing tables: ${missing.join(', ')}`)
  }

  return {
    ok: problems.length === 0,
    schemaVersion: version,
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    integrity,
    foreignKeyViolations,
    counts,
    problems,
  }
}
