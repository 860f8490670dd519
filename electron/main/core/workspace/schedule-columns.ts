import type { ContractWebState } from '../../../common/domain/contract-web-state'
import {
  MAX_SCHEDULE_PIECES,
  reasonsOverTime,
  todaySchedule,
} from '../../../common/domain/today-schedule'
import { triageSchedule } from '../../../common/domain/triage-schedule'

/**
 * The contracts columns that hold a contract's stored stuck schedules (migration 0007): the
 * today schedule (due instant and up to three pieces) and the triage group. In the order
 * scheduleValues() returns them. Every path that writes a contract's state writes these in
 * the same statement: sync (apply-contract.ts), demo seeding (demo/rows.ts) and the
 * recompute after a rules change (schedule-backfill.ts).
 */
export const SCHEDULE_COLUMNS: readonly string[] = [
  'today_due_from',
  ...Array.from({ length: MAX_SCHEDULE_PIECES }, (_, i) => [
    `stuck${i + 1}_from`,
    `stuck${i + 1}_severity`,
    `stuck${i + 1}_since`,
  ]).flat(),
  'triage_category',
  'triage_from',
  'triage_since',
]

/** The values of SCHEDULE_COLUMNS for one state (nulls for what does not apply). */
export function scheduleValues(state: ContractWebState): Array<number | string | null> {
  // The rules run once per rule instant, for both schedules (sync writes this per contract).
  const overTime = reasonsOverTime(state)
  const today = todaySchedule(state, overTime)
  const values: Array<number | string | null> = [today.dueFrom]
  for (let i = 0; i < MAX_SCHEDULE_PIECES; i++) {
    const piece = today.pieces[i]
    values.push(piece?.from ?? null, piece?.severity ?? null, piece?.since ?? null)
  }
  const triage = triageSchedule(state, overTime)
  values.push(triage?.category ?? null, triage?.from ?? null, triage?.since ?? null)
  return values
}
