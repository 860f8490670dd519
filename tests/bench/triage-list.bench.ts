import type { Handlers } from '../../electron/common/api/contract'
import { WORK_SCOPES, type WorkScope } from '../../electron/common/api/work-scope'
import { TRIAGE_CATEGORIES } from '../../electron/common/domain/triage-categories'
import { scopeParams } from '../../electron/main/core/workspace/scope-sql'
import {
  triageCountsSql,
  triageRowsSql,
} from '../../electron/main/core/workspace/triage/triage-candidates'
import { LISTED_CONTRACTS_SQL } from '../../electron/main/core/workspace/web-state-rows'
import type { DatabaseHandle } from '../../db/connection'
import { signInBusiestStaff } from './sign-in-busiest'
import { callBackend, round, timePair, type Timing } from './measure'

export interface TriageBenchResult {
  scope: WorkScope
  /** Contracts in any triage group in the scope. */
  stuck: number
  ours: Timing
  baseline: Timing
  ratioP95: number
  /** No goal in the issue; today's list's 50 ms is the guide for a screen opened all day. */
  guideP95Ms: number
}

/**
 * triage:list (first group with rows, 200 rows) through the whole backend path against raw
 * better-sqlite3 running the same three statements (counts, the group's ids, its rows),
 * signed in as the member of staff with the largest book.
 */
export async function benchTriageList(
  database: DatabaseHandle,
  handlers: Handlers,
  now: Date,
  // 40 like the list's cases: with 20, the p95 sample is the slowest one, a single hiccup.
  samples = 40,
): Promise<TriageBenchResult[]> {
  const me = await signInBusiestStaff(database, handlers)

  const results: TriageBenchResult[] = []
  for (const scope of WORK_SCOPES) {
    const params = {
      ...scopeParams(scope, me),
      now: now.getTime(),
    }
    const counts = database.sqlite.prepare(triageCountsSql(scope))
    const ids = database.sqlite.prepare(triageRowsSql(scope))
    const rows = database.sqlite.prepare(LISTED_CONTRACTS_SQL)
    let stuck = 0
    const { baseline, ours } = await timePair(
      samples,
      () => {
        const perGroup = counts.all(params) as Array<{ category: string; n: number }>
        const category = TRIAGE_CATEGORIES.find((c) => perGroup.some((g) => g.category === c))
        const page = ids.all({ ...params, category, limit: 200 }) as Array<{ id: number }>
        rows.all({ ids: JSON.stringify(page.map((r) => r.id)) })
      },
      async () => {
        const value = await callBackend<{ counts: Record<string, number> }>(
          handlers,
          'triage:list',
          {
            scope,
          },
        )
        stuck = Object.values(value.counts).reduce((a, b) => a + b, 0)
      },
    )
    results.push({
      scope,
      stuck,
      ours,
      baseline,
      ratioP95: round(ours.p95Ms / baseline.p95Ms, 2),
      guideP95Ms: 50,
    })
  }
  return results
}
