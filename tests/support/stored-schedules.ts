import { expect } from 'vitest'
import type { DatabaseHandle } from '../../db/connection'
import {
  SCHEDULE_COLUMNS,
  scheduleValues,
} from '../../electron/main/core/workspace/schedule-columns'
import {
  toWebState,
  WEB_STATE_COLUMNS,
  WEB_STATE_FROM,
  type WebStateRow,
} from '../../electron/main/core/workspace/web-state-rows'

/**
 * Every contract's stored today schedule equals the one computed from its stored state now.
 * Returns how many contracts it checked.
 */
export function expectSchedulesMatchState(database: DatabaseHandle): number {
  const rows = database.sqlite
    .prepare(
      `SELECT ${WEB_STATE_COLUMNS}, ${SCHEDULE_COLUMNS.map((c) => `c.${c}`).join(', ')}
       FROM ${WEB_STATE_FROM}`,
    )
    .all() as Array<WebStateRow & Record<string, number | null>>
  for (const row of rows) {
    const stored = SCHEDULE_COLUMNS.map((c) => row[c])
    expect({ id: row.contract_id, stored }).toEqual({
      id: row.contract_id,
      stored: scheduleValues(toWebState(row)),
    })
  }
  return rows.length
}
