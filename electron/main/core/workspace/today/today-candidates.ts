import type { TodayScope } from '../../../../common/api/contract-today'
import { NOT_STUCK_SEVERITY } from '../../../../common/domain/today-schedule'
import { OPEN_RENEWAL, SCOPE_FILTER, SCOPE_INDEX } from '../scope-sql'

/**
 * Today's list in SQL, over the schedule columns that sync and seeding store per contract
 * (electron/common/domain/today-schedule.ts, migration 0007): who is due is
 * `today_due_from <= @now`, and how stuck they are is the schedule piece in force at @now.
 * Only the rows that make the list are then read in full and worded in TypeScript.
 */

/** The value of the schedule piece in force at @now (the latest piece that has begun). */
function inForce(column: (piece: number) => string, otherwise: string): string {
  return `CASE WHEN c.stuck3_from <= @now THEN ${column(3)}
    WHEN c.stuck2_from <= @now THEN ${column(2)}
    WHEN c.stuck1_from <= @now THEN ${column(1)} ELSE ${otherwise} END`
}

/**
 * rankForToday()'s order (today-ranking.ts) within one urgency bucket: maturity passed first,
 * worst severity, stuck longest (the earliest `since`, no later than now), nearest cutoff,
 * policy number, id. scheduledStuck() states the same pieces in TypeScript, and a test
 * compares the list with the domain's ranking over a full scan of the book.
 */
const ORDER = `c.maturity_date >= @jstToday,
  ${inForce((i) => `c.stuck${i}_severity`, String(NOT_STUCK_SEVERITY))},
  ${inForce((i) => `min(coalesce(c.stuck${i}_since, @now), @now)`, '@now')},
  c.web_cutoff_at, c.policy_number, c.id`

/** The first @limit due contracts of one scope whose web cutoff lies in (@cutoffAfter, @cutoffUntil]. */
export function todayRankSql(scope: TodayScope): string {
  return `SELECT c.id FROM contracts c INDEXED BY contracts_today_${SCOPE_INDEX[scope]}
WHERE ${OPEN_RENEWAL} ${SCOPE_FILTER[scope]}
  AND c.web_cutoff_at > @cutoffAfter AND c.web_cutoff_at <= @cutoffUntil
  AND c.today_due_from <= @now
ORDER BY ${ORDER}
LIMIT @limit`
}

/** How many contracts of one scope are due at @now. */
export function todayCountSql(scope: TodayScope): string {
  return `SELECT count(*) AS n FROM contracts c INDEXED BY contracts_due_${SCOPE_INDEX[scope]}
WHERE ${OPEN_RENEWAL} ${SCOPE_FILTER[scope]} AND c.today_due_from <= @now`
}
