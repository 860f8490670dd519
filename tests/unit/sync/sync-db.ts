import { openDatabase, type DatabaseHandle } from '../../../db/connection'
import { migrateToLatest } from '../../../db/migrate'
import { writeReferenceData } from '../../../electron/main/core/demo/reference-rows'
import { demoReferenceData } from '../../../demo-data/reference'

/** The insurer row every sync test writes into (the demo insurer's book lives under it). */
export const INSURER = 'demo-a'

/**
 * A migrated database holding what the host seeds before a first sync: the insurer rows
 * (their rule sets give web_cutoff_at), branches and staff (agentStaffCode = staff id).
 */
export async function syncDatabase(path = ':memory:'): Promise<DatabaseHandle> {
  const database = openDatabase({ path })
  await migrateToLatest(database.db)
  writeReferenceData(database.sqlite, demoReferenceData(1), Date.parse('2026-11-01T00:00:00Z'))
  return database
}

/** A local-only row the sync must never touch, like staff would write it. */
export function addNote(database: DatabaseHandle, contractId: number, body = 'memo'): number {
  const at = Date.parse('2026-11-23T10:00:00+09:00')
  return Number(
    database.sqlite
      .prepare(
        `INSERT INTO notes (contract_id, staff_id, body, created_at, updated_at)
         VALUES (?, 'st-001', ?, ?, ?)`,
      )
      .run(contractId, body, at, at).lastInsertRowid,
  )
}

export function addOutboxRow(
  database: DatabaseHandle,
  row: { contractId: number; key: string; state: string; remoteId: string | null },
): number {
  const at = Date.parse('2026-11-23T10:00:00+09:00')
  return Number(
    database.sqlite
      .prepare(
        `INSERT INTO reissue_outbox (contract_id, kind, reason, requested_by, requested_at,
           idempotency_key, state, remote_reissue_id, updated_at)
         VALUES (?, 'password', 'テスト', 'st-001', ?, ?, ?, ?, ?)`,
      )
      .run(row.contractId, at, row.key, row.state, row.remoteId, at).lastInsertRowid,
  )
}
