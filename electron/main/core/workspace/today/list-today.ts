import type BetterSqlite3 from 'better-sqlite3'
import {
  TODAY_SCOPES,
  type TodayCounts,
  type TodayList,
  type TodayReason,
  type TodayRow,
  type TodayScope,
} from '../../../../common/api/contract-today'
import { urgencyBucket } from '../../../../common/domain/insurer-rules'
import { toJstIso } from '../../../../common/domain/japan-time'
import { jstDateOf } from '../../../../common/domain/jst-calendar'
import {
  isDeadlineReason,
  nextAction,
  reasonText,
  type StuckReason,
} from '../../../../common/domain/stuck-reasons'
import {
  rankForToday,
  type RankedContract,
  type TodayCandidate,
} from '../../../../common/domain/today-ranking'
import {
  allRows,
  LISTED_CONTRACTS_SQL,
  toWebState,
  type ListedContractRow,
} from '../web-state-rows'
import { prepared } from '../../../../../db/prepared'
import { scopeParams, type ScopeOwner } from '../scope-sql'
import { todayCountSql, todayRankSql } from './today-candidates'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The urgency buckets as web-cutoff ranges, in ranking order. The deadline tier is the
 * ranking's first key and depends on the cutoff alone (maturity passed ⊂ closed), so ranking
 * one range completely before the next gives the same order as ranking everything at once —
 * and the list stops once it has its rows.
 */
export function cutoffRanges(now: number): Array<{ after: number; until: number }> {
  const bounds = [now, now + 3 * DAY_MS, now + 7 * DAY_MS, now + 14 * DAY_MS, now + 30 * DAY_MS]
  const edges = [Number.MIN_SAFE_INTEGER, ...bounds, Number.MAX_SAFE_INTEGER]
  return bounds.concat(Number.MAX_SAFE_INTEGER).map((until, i) => ({ after: edges[i]!, until }))
}

type Candidate = TodayCandidate & { row: ListedContractRow }

function reasonView(reason: StuckReason): TodayReason {
  return {
    code: reason.code,
    severity: reason.severity,
    text: { ja: reasonText(reason, 'ja'), en: reasonText(reason, 'en') },
    nextAction: { ja: nextAction(reason, 'ja'), en: nextAction(reason, 'en') },
    since: isDeadlineReason(reason) || reason.since === null ? null : toJstIso(reason.since),
  }
}

function toRow(ranked: RankedContract<Candidate>, rank: number, now: Date): TodayRow {
  const { row } = ranked.contract
  return {
    rank,
    contractId: row.contract_id,
    policyNumber: row.policy_number,
    insurerName: row.insurer_name,
    flow: ranked.contract.flow,
    clientName: row.client_name,
    clientKana: row.client_kana,
    staffId: row.staff_id,
    staffName: row.staff_name,
    maturityDate: ranked.contract.maturityDate,
    webCutoffAt: toJstIso(ranked.contract.webCutoffAt),
    urgency: urgencyBucket(now, new Date(ranked.contract.webCutoffAt)),
    reasons: ranked.reasons.map(reasonView),
  }
}

/**
 * Today's call list for one scope: the first `limit` due contracts, ranked in SQL over the
 * stored schedules one cutoff range at a time, then read in full, worded, and put through
 * the domain's rankForToday (which has the last word on the order); and whether more are due.
 */
export function listToday(
  sqlite: BetterSqlite3.Database,
  input: { scope: TodayScope; limit: number },
  who: ScopeOwner,
  now: Date,
): TodayList {
  const t = now.getTime()
  const scope = scopeParams(input.scope, who)
  const rank = prepared(sqlite, todayRankSql(input.scope))
  // One beyond the limit: whether more are due, without counting them.
  const wanted = input.limit + 1
  const ids: number[] = []
  for (const range of cutoffRanges(t)) {
    if (ids.length >= wanted) break
    const ranked = rank.all({
      ...scope,
      now: t,
      jstToday: jstDateOf(t),
      cutoffAfter: range.after,
      cutoffUntil: range.until,
      limit: wanted - ids.length,
    }) as Array<{ id: number }>
    for (const r of ranked) ids.push(r.id)
  }
  const truncated = ids.length > input.limit
  ids.length = Math.min(ids.length, input.limit)
  const rows = allRows<ListedContractRow>(prepared(sqlite, LISTED_CONTRACTS_SQL), {
    ids: JSON.stringify(ids),
  })
  const shown = rankForToday(
    rows.map((row): Candidate => ({
      ...toWebState(row),
      id: row.contract_id,
      policyNumber: row.policy_number,
      row,
    })),
    now,
  )
  return {
    scope: input.scope,
    asOf: toJstIso(t),
    rows: shown.map((r, i) => toRow(r, i + 1, now)),
    truncated,
  }
}

/** How many contracts of one scope are due at `now` (epoch ms). */
function countDue(
  sqlite: BetterSqlite3.Database,
  scope: TodayScope,
  who: ScopeOwner,
  now: number,
): number {
  const params = { ...scopeParams(scope, who), now }
  return (prepared(sqlite, todayCountSql(scope)).get(params) as { n: number }).n
}

/** The number due today in every scope, for the scope switcher. */
export function countToday(
  sqlite: BetterSqlite3.Database,
  who: ScopeOwner,
  now: Date,
): TodayCounts {
  const t = now.getTime()
  const counts = Object.fromEntries(
    TODAY_SCOPES.map((scope) => [scope, countDue(sqlite, scope, who, t)]),
  ) as TodayCounts['counts']
  return { asOf: toJstIso(t), counts }
}
