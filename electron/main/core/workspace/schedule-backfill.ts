import type BetterSqlite3 from 'better-sqlite3'
import { SCHEDULE_RULES_VERSION } from '../../../common/domain/schedule-version'
import {
  allRows,
  toWebState,
  WEB_STATE_COLUMNS,
  WEB_STATE_FROM,
  type WebStateRow,
} from './web-state-rows'
import { SCHEDULE_COLUMNS, scheduleValues } from './schedule-columns'

/** app_settings key: the SCHEDULE_RULES_VERSION the stored schedules were computed with. */
export const SCHEDULE_VERSION_SETTING = 'stuck_schedule_version'

/** Rows read per statement while recomputing. */
const BATCH = 5_000

/**
 * The indexes over the schedule columns (migration 0007), as their CREATE statements. A full
 * recompute drops them and builds them again afterwards: updating 1M rows through six
 * indexes took ~200 s, building them afresh ~10 s.
 */
function scheduleIndexes(sqlite: BetterSqlite3.Database): Array<{ name: string; sql: string }> {
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contracts'`)
    .all() as Array<{ name: string; sql: string | null }>
  return indexes.filter(
    (index): index is { name: string; sql: string } =>
      index.sql !== null && SCHEDULE_COLUMNS.some((column) => index.sql!.includes(column)),
  )
}

/**
 * Recomputes every contract's stuck schedules (today and triage) when the stored ones were computed by other
 * rules (a new database, the upgrade that added them, or a release that changed a rule and
 * raised SCHEDULE_RULES_VERSION). Sync and seeding keep them current otherwise. Runs at start,
 * before the sync worker, in one transaction: a crash leaves the old schedules and version,
 * and the next start does it again. Returns how many contracts it rewrote (0 when already
 * current); ~30 s at 1M contracts, a one-off.
 */
export function refreshSchedules(sqlite: BetterSqlite3.Database): number {
  const stored = sqlite
    .prepare('SELECT value FROM app_settings WHERE key = ?')
    .get(SCHEDULE_VERSION_SETTING) as { value: string } | undefined
  if (stored?.value === String(SCHEDULE_RULES_VERSION)) return 0
  const read = sqlite.prepare(
    `SELECT ${WEB_STATE_COLUMNS} FROM ${WEB_STATE_FROM} WHERE c.id > ? ORDER BY c.id LIMIT ${BATCH}`,
  )
  const update = sqlite.prepare(
    `UPDATE contracts SET ${SCHEDULE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
  )
  const recompute = sqlite.transaction(() => {
    const indexes = scheduleIndexes(sqlite)
    for (const { name } of indexes) sqlite.exec(`DROP INDEX ${name}`)
    let after = 0
    let rewritten = 0
    for (;;) {
      const rows = allRows<WebStateRow>(read, after)
      if (rows.length === 0) break
      for (const row of rows) update.run(...scheduleValues(toWebState(row)), row.contract_id)
      rewritten += rows.length
      after = rows[rows.length - 1]!.contract_id
    }
    for (const { sql } of indexes) sqlite.exec(sql)
    sqlite
      .prepare(
        `INSERT INTO app_settings (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(SCHEDULE_VERSION_SETTING, String(SCHEDULE_RULES_VERSION))
    return rewritten
  })
  return recompute.immediate()
}
