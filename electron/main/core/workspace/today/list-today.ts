import type BetterSqlite3 from 'better-sqlite3'
import type {
  TodayList,
  TodayReason,
  TodayRow,
  TodayScope,
} from '../../../../common/api/contract-today'
import { urgencyBucket } from '../../../../common/domain/insurer-rules'
import { toJstIso } from '../../../../common/domain/japan-time'
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
import { toWebState, type WebStateRow } from '../web-state-rows'
import { candidateParams, todayCandidateSql, todayCountSql } from './today-candidates'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The urgency buckets as web-cutoff ranges, in ranking order. The deadline tier is the
 * ranking's first key and depends on the cutoff alone, so ranking one range completely
 * before reading the next gives the same order as ranking everything at once — and the list
 * can stop reading once it has its rows, instead of wording every due contract of the book.
 */
function cutoffRanges(now: number): Array<{ after: number; until: number }> {
  const bounds = [now, now + 3 * DAY_MS, now + 7 * DAY_MS, now + 14 * DAY_MS, now + 30 * DAY_MS]
  const edges = [Number.MIN_SAFE_INTEGER, ...bounds, Number.MAX_SAFE_INTEGER]
  return bounds.concat(Number.MAX_SAFE_INTEGER).map((until, i) => ({ after: edges[i]!, until }))
}

interface CandidateRow extends WebStateRow {
  policy_number: string
  staff_id: string | null
  insurer_name: string
  client_name: string
  client_kana: string
  staff_name: string | null
}

type Candidate = TodayCandidate & { row: CandidateRow }

export interface TodayWho {
  staffId: string
  branchId: string
}

/** Prepared once per connection: the list is opened many times a day. */
const statements = new WeakMap<
  BetterSqlite3.Database,
  Map<string, BetterSqlite3.Statement<unknown[], unknown>>
>()

function statement(sqlite: BetterSqlite3.Database, sql: string) {
  let cache = statements.get(sqlite)
  if (!cache) statements.set(sqlite, (cache = new Map()))
  let prepared = cache.get(sql)
  if (!prepared) cache.set(sql, (prepared = sqlite.prepare(sql)))
  return prepared
}

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
 * Today's call list for one scope: candidates from SQL, one cutoff range at a time, ranked by
 * the domain's rankForToday; the first `limit` rows in full, and how many more are due.
 */
export function listToday(
  sqlite: BetterSqlite3.Database,
  input: { scope: TodayScope; limit: number },
  who: TodayWho,
  now: Date,
): TodayList {
  const t = now.getTime()
  const select = statement(sqlite, todayCandidateSql(input.scope))
  const ranked: RankedContract<Candidate>[] = []
  let more = 0
  for (const range of cutoffRanges(t)) {
    const params = candidateParams(t, who, input.scope, range)
    if (ranked.length >= input.limit) {
      // The list is full: the later ranges are only counted, never worded. The candidate
      // predicate states the domain's thresholds exactly (today-list.test.ts compares it with
      // rankForToday over a full scan), so this count is the number due, not an estimate.
      const counted = statement(sqlite, todayCountSql(input.scope)).get(params) as { n: number }
      more += counted.n
      continue
    }
    const rows = select.all(params) as CandidateRow[]
    const candidates = rows.map((row): Candidate => ({
      ...toWebState(row),
      id: row.contract_id,
      policyNumber: row.policy_number,
      row,
    }))
    ranked.push(...rankForToday(candidates, now))
  }
  const shown = ranked.slice(0, input.limit)
  more += ranked.length - shown.length
  return {
    scope: input.scope,
    asOf: toJstIso(t),
    rows: shown.map((r, i) => toRow(r, i + 1, now)),
    total: shown.length + more,
    more,
  }
}
