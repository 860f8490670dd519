import type { TodayScope } from '../../../../common/api/contract-today'
import { NOT_STUCK_SEVERITY } from '../../../../common/domain/today-schedule'
import { WEB_STATE_COLUMNS, WEB_STATE_FROM } from '../web-state-rows'

/**
 * Today's list in SQL, over the schedule columns that sync and seeding store per contract
 * (electron/common/domain/today-schedule.ts, migration 0007): who is due is
 * `today_due_from <= @now`, and how stuck they are is the schedule piece in force at @now.
 * Only the rows that make the list are then read in full and worded in TypeScript.
 */

/**
 * Only open renewals of live contracts: renewed, lapsed and cancelled ones have nobody to
 * call. Written exactly as the WHERE of the 0007 partial indexes, so SQLite can use them.
 */
const OPEN = `c.deleted_at IS NULL AND c.renewal_status IN ('not_started', 'in_progress')`

/** Each scope has its ranking index (by web cutoff) and its counting index (by due instant). */
const SCOPE: Record<TodayScope, { rank: string; count: string; filter: string }> = {
  mine: {
    rank: 'contracts_today_staff',
    count: 'contracts_due_staff',
    filter: 'AND c.staff_id = @staffId',
  },
  branch: {
    rank: 'contracts_today_branch',
    count: 'contracts_due_branch',
    filter: 'AND c.branch_id = @branchId',
  },
  all: { rank: 'contracts_today_all', count: 'contracts_due_all', filter: '' },
}

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
  return `SELECT c.id FROM contracts c INDEXED BY ${SCOPE[scope].rank}
WHERE ${OPEN} ${SCOPE[scope].filter}
  AND c.web_cutoff_at > @cutoffAfter AND c.web_cutoff_at <= @cutoffUntil
  AND c.today_due_from <= @now
ORDER BY ${ORDER}
LIMIT @limit`
}

/** How many contracts of one scope are due at @now. */
export function todayCountSql(scope: TodayScope): string {
  return `SELECT count(*) AS n FROM contracts c INDEXED BY ${SCOPE[scope].count}
WHERE ${OPEN} ${SCOPE[scope].filter} AND c.today_due_from <= @now`
}

/** What the list shows besides the web state. */
const DISPLAY_COLUMNS = `c.policy_number, c.staff_id, i.name AS insurer_name,
  cl.name_kanji AS client_name, cl.name_kana AS client_kana, s.name AS staff_name`

/** The ranked contracts in full: web state for the reasons, names for the screen. */
export const TODAY_ROWS_SQL = `SELECT ${WEB_STATE_COLUMNS}, ${DISPLAY_COLUMNS}
FROM ${WEB_STATE_FROM}
  JOIN insurers i ON i.id = c.insurer_id
  JOIN clients cl ON cl.id = c.client_id
  LEFT JOIN staff s ON s.id = c.staff_id
WHERE c.id IN (SELECT value FROM json_each(@ids))`

/** Named parameters for the signed-in staff member; only the ones the scope's SQL names. */
export function scopeParams(
  scope: TodayScope,
  who: { staffId: string; branchId: string },
): { staffId?: string; branchId?: string } {
  if (scope === 'mine') return { staffId: who.staffId }
  if (scope === 'branch') return { branchId: who.branchId }
  return {}
}
