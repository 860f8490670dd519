import type { Handlers } from '../../electron/common/api/contract'
import { TODAY_SCOPES, type TodayScope } from '../../electron/common/api/contract-today'
import { jstDateOf } from '../../electron/common/domain/jst-calendar'
import { cutoffRanges } from '../../electron/main/core/workspace/today/list-today'
import { scopeParams } from '../../electron/main/core/workspace/scope-sql'
import {
  todayCountSql,
  todayRankSql,
} from '../../electron/main/core/workspace/today/today-candidates'
import { LISTED_CONTRACTS_SQL } from '../../electron/main/core/workspace/web-state-rows'
import type { DatabaseHandle } from '../../db/connection'
import { signInBusiestStaff } from './sign-in-busiest'
import { callBackend, round, timePair, type Timing } from './measure'

export interface TodayBenchResult {
  /** A scope's list, or today:counts (every scope counted, for the switcher). */
  scope: TodayScope | 'counts'
  /** Contracts due today in the scope (the list shows the first 500). */
  due: number
  ours: Timing
  baseline: Timing
  ratioP95: number
  /** The goal: today's list within 50 ms at 1M contracts. */
  goalP95Ms: number
}

/**
 * today:list through the whole backend path (dispatch → zod → session → ranking SQL per
 * cutoff range → rows → domain ranking and wording → output validation) against raw
 * better-sqlite3 running the same statements with the same parameters, with no wording, no
 * domain re-ranking and no validation. The list does not count (the screen takes the number
 * from today:counts, measured on its own row below). The list is
 * relative to the signed-in staff member, so this signs in the member of staff with the
 * largest book first (and restores nobody afterwards: benchmarks run on a throwaway copy).
 */
export async function benchTodayList(
  database: DatabaseHandle,
  handlers: Handlers,
  /** The core's clock: pin both to the instant the demo book was seeded for, or stuck times drift. */
  now: Date = new Date(),
  // 40 like the list's cases: with 20, the p95 sample is the slowest one, a single hiccup.
  samples = 40,
): Promise<TodayBenchResult[]> {
  const me = await signInBusiestStaff(database, handlers)

  const results: TodayBenchResult[] = []
  for (const scope of TODAY_SCOPES) {
    const rank = database.sqlite.prepare(todayRankSql(scope))
    const rows = database.sqlite.prepare(LISTED_CONTRACTS_SQL)
    const count = database.sqlite.prepare(todayCountSql(scope))
    const t = now.getTime()
    const who = scopeParams(scope, me)
    const { baseline, ours } = await timePair(
      samples,
      () => {
        const ids: number[] = []
        for (const range of cutoffRanges(t)) {
          if (ids.length >= 501) break
          const page = rank.all({
            ...who,
            now: t,
            jstToday: jstDateOf(t),
            cutoffAfter: range.after,
            cutoffUntil: range.until,
            limit: 501 - ids.length,
          }) as Array<{ id: number }>
          for (const r of page) ids.push(r.id)
        }
        rows.all({ ids: JSON.stringify(ids.slice(0, 500)) })
      },
      () => callBackend(handlers, 'today:list', { scope }),
    )
    const due = (count.get({ ...who, now: t }) as { n: number }).n
    results.push({
      scope,
      due,
      ours,
      baseline,
      ratioP95: round(ours.p95Ms / baseline.p95Ms, 2),
      goalP95Ms: 50,
    })
  }
  const counters = TODAY_SCOPES.map((scope) => ({
    statement: database.sqlite.prepare(todayCountSql(scope)),
    params: {
      ...scopeParams(scope, me),
      now: now.getTime(),
    },
  }))
  let all = 0
  const { baseline: countsBaseline, ours: counts } = await timePair(
    samples,
    () => {
      for (const c of counters) c.statement.get(c.params)
    },
    async () => {
      const value = await callBackend<{ counts: { all: number } }>(handlers, 'today:counts', {})
      all = value.counts.all
    },
  )
  results.push({
    scope: 'counts',
    due: all,
    ours: counts,
    baseline: countsBaseline,
    ratioP95: round(counts.p95Ms / countsBaseline.p95Ms, 2),
    goalP95Ms: 50,
  })
  return results
}
