import type { ContractWebState } from '../../../../common/domain/contract-web-state'
import { MAX_SCHEDULE_PIECES, todaySchedule } from '../../../../common/domain/today-schedule'

/**
 * The contracts columns that hold a contract's TodaySchedule (migration 0007), in the order
 * todayScheduleValues() returns them. Every path that writes a contract's state writes these
 * in the same statement: sync (apply-contract.ts), demo seeding (demo/rows.ts) and the
 * recompute after a rules change (schedule-backfill.ts).
 */
export const TODAY_SCHEDULE_COLUMNS: readonly string[] = [
  'today_due_from',
  ...Array.from({ length: MAX_SCHEDULE_PIECES }, (_, i) => [
    `stuck${i + 1}_from`,
    `stuck${i + 1}_severity`,
    `stuck${i + 1}_since`,
  ]).flat(),
]

/** The values of TODAY_SCHEDULE_COLUMNS for one state (nulls for missing pieces). */
export function todayScheduleValues(state: ContractWebState): Array<number | null> {
  const schedule = todaySchedule(state)
  const values: Array<number | null> = [schedule.dueFrom]
  for (let i = 0; i < MAX_SCHEDULE_PIECES; i++) {
    const piece = schedule.pieces[i]
    values.push(piece?.from ?? null, piece?.severity ?? null, piece?.since ?? null)
  }
  return values
}
