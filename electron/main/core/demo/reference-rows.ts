import type BetterSqlite3 from 'better-sqlite3'
import { ruleSetColumns } from '../../../../db/queries/insurers'
import type { DemoReferenceData } from '../../../../demo-data/types'

/**
 * Deletes the book (contracts and everything hanging off them, clients, staff, branches,
 * demo insurers) before a --replace. audit_log is append-only and stays. Sync cursors go
 * too: they describe contracts that are no longer in the cache. Children first, so the
 * foreign-key checks on each parent find nothing to look at.
 */
export function deleteBook(sqlite: BetterSqlite3.Database): void {
  for (const statement of [
    'DELETE FROM timeline_events',
    'DELETE FROM notes',
    'DELETE FROM follow_ups',
    'DELETE FROM reissue_outbox',
    'DELETE FROM credential_mail_state',
    'DELETE FROM renewal_progress',
    'DELETE FROM contract_search',
    'DELETE FROM contracts',
    'DELETE FROM clients',
    'DELETE FROM sync_state',
    'DELETE FROM staff',
    'DELETE FROM branches',
    'DELETE FROM insurers WHERE is_demo = 1',
  ]) {
    sqlite.prepare(statement).run()
  }
}

/** Upserts, so reference rows left by an earlier, interrupted seed are simply refreshed. */
export function writeReferenceData(
  sqlite: BetterSqlite3.Database,
  reference: DemoReferenceData,
  now: number,
): void {
  for (const insurer of reference.insurers) {
    const row = {
      id: insurer.id,
      name: insurer.name,
      is_demo: 1,
      ...ruleSetColumns(insurer.rules),
      created_at: now,
      updated_at: now,
    }
    const columns = Object.keys(row)
    const updates = columns
      .filter((c) => c !== 'id' && c !== 'created_at')
      .map((c) => `${c} = excluded.${c}`)
    sqlite
      .prepare(
        `INSERT INTO insurers (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
      )
      .run(row)
  }
  const branch = sqlite.prepare(
    `INSERT INTO branches (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
  )
  for (const b of reference.branches) branch.run(b.id, b.name)
  const staff = sqlite.prepare(
    `INSERT INTO staff (id, branch_id, name, name_kana, role, active) VALUES (?, ?, ?, ?, ?, 1)
     ON CONFLICT (id) DO UPDATE SET branch_id = excluded.branch_id, name = excluded.name,
       name_kana = excluded.name_kana, role = excluded.role, active = 1`,
  )
  for (const s of reference.staff) staff.run(s.id, s.branchId, s.name, s.nameKana, s.role)
}
