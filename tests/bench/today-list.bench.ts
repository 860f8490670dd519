import type { Handlers } from '../../electron/common/api/contract'
import { TODAY_SCOPES, type TodayScope } from '../../electron/common/api/contract-today'
import { dispatch } from '../../electron/main/core/api/dispatch'
import {
  candidateParams,
  todayCandidateSql,
} from '../../electron/main/core/workspace/today/today-candidates'
import type { DatabaseHandle } from '../../db/connection'
import { round, time, type Timing } from './measure'

export interface TodayBenchResult {
  scope: TodayScope
  /** Contracts due today in the scope (the list shows the first 500). */
  due: number
  ours: Timing
  baseline: Timing
  ratioP95: number
  /** The goal: today's list within 50 ms at 1M contracts. */
  goalP95Ms: number
}

/**
 * today:list through the whole backend path (dispatch → zod → session → candidate SQL per
 * cutoff range → ranking and wording → output validation) against raw better-sqlite3 running
 * the same candidate SQL over every cutoff at once, with no ranking or wording. The list is
 * relative to the signed-in staff member, so this signs in the member of staff with the
 * largest book first (and restores nobody afterwards: benchmarks run on a throwaway copy).
 */
export async function benchTodayList(
  database: DatabaseHandle,
  handlers: Handlers,
  /** The core's clock: pin both to the instant the demo book was seeded for, or stuck times drift. */
  now: Date = new Date(),
  samples = 20,
): Promise<TodayBenchResult[]> {
  const me = database.sqlite
    .prepare(
      `SELECT s.id, s.branch_id FROM staff s JOIN contracts c ON c.staff_id = s.id
       WHERE s.role = 'staff' GROUP BY s.id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { id: string; branch_id: string }
  const signIn = await dispatch(handlers, 'session:signIn', { staffId: me.id })
  if (!signIn.ok) throw new Error(signIn.error.message)

  const results: TodayBenchResult[] = []
  for (const scope of TODAY_SCOPES) {
    const statement = database.sqlite.prepare(todayCandidateSql(scope))
    const params = candidateParams(now.getTime(), { staffId: me.id, branchId: me.branch_id }, scope)
    const baseline = await time(samples, () => statement.all(params), 2)
    let due = 0
    const ours = await time(
      samples,
      async () => {
        const result = await dispatch(handlers, 'today:list', { scope })
        if (!result.ok) throw new Error(result.error.message)
        due = (result.value as { total: number }).total
      },
      2,
    )
    results.push({
      scope,
      due,
      ours,
      baseline,
      ratioP95: round(ours.p95Ms / baseline.p95Ms, 2),
      goalP95Ms: 50,
    })
  }
  return results
}
