import type BetterSqlite3 from 'better-sqlite3'
import type { ParsedInputOf } from '../../../../common/api/contract'
import type { TriageList, TriageRow } from '../../../../common/api/triage-schemas'
import { urgencyBucket } from '../../../../common/domain/insurer-rules'
import { toJstIso } from '../../../../common/domain/japan-time'
import { nextAction, reasonText, type StuckReason } from '../../../../common/domain/stuck-reasons'
import { TRIAGE_CATEGORIES, type TriageCategory } from '../../../../common/domain/triage-categories'
import type { DatabaseHandle } from '../../../../../db/connection'
import { AppError } from '../../api/app-error'
import { readCurrentStaff } from '../../session/session-handlers'
import { prepared } from '../../../../../db/prepared'
import { scopeParams, type ScopeOwner } from '../scope-sql'
import { allRows, LISTED_CONTRACTS_SQL, type ListedContractRow } from '../web-state-rows'
import { classifyTriage, type TriageEntry } from './classify-triage'
import { triageCountsSql, triageRowsSql } from './triage-candidates'

/** Mine and my branch need to know who is signed in; the whole agency does not. */
async function scopeOwner(
  database: DatabaseHandle,
  scope: ParsedInputOf<'triage:list'>['scope'],
): Promise<ScopeOwner | null> {
  if (scope === 'all') return null
  const current = await readCurrentStaff(database.db)
  if (!current) {
    throw new AppError(
      'unauthorized',
      '担当者が選ばれていないため「自分の担当」「支店」を絞り込めません。担当者を選んでください / ' +
        'no staff member is signed in, so "mine" and "my branch" cannot be worked out: sign in first',
    )
  }
  return { staffId: current.id, branchId: current.branchId }
}

const words = (reason: StuckReason, say: typeof reasonText) => ({
  ja: say(reason, 'ja'),
  en: say(reason, 'en'),
})

function toRow(entry: TriageEntry, display: ListedContractRow, now: Date): TriageRow {
  const { reason, state, deadline } = entry
  return {
    contractId: entry.contractId,
    policyNumber: display.policy_number,
    clientName: display.client_name,
    clientKana: display.client_kana,
    insurerName: display.insurer_name,
    staffName: display.staff_name,
    flow: state.flow,
    reasonCode: reason.code,
    reason: words(reason, reasonText),
    nextAction: words(reason, nextAction),
    since: reason.since === null ? null : toJstIso(reason.since),
    elapsedMs: reason.elapsedMs,
    webCutoffAt: toJstIso(state.webCutoffAt),
    urgency: urgencyBucket(now, new Date(state.webCutoffAt)),
    deadline: deadline ? words(deadline, reasonText) : null,
  }
}

function groupCounts(
  sqlite: BetterSqlite3.Database,
  scope: ParsedInputOf<'triage:list'>['scope'],
  params: Record<string, unknown>,
): Record<TriageCategory, number> {
  const counts = Object.fromEntries(TRIAGE_CATEGORIES.map((c) => [c, 0])) as Record<
    TriageCategory,
    number
  >
  const rows = prepared(sqlite, triageCountsSql(scope)).all(params) as Array<{
    category: TriageCategory
    n: number
  }>
  for (const { category, n } of rows) counts[category] = n
  return counts
}

/**
 * メール未着・登録エラー: counts per group in scope, and the chosen group's first rows, found
 * in SQL over the stored triage groups; only those rows are read in full and worded, by the
 * same rules (classifyTriage) that decided their group.
 */
export async function listTriage(
  database: DatabaseHandle,
  input: ParsedInputOf<'triage:list'>,
  now: Date,
): Promise<TriageList> {
  const { sqlite } = database
  const owner = await scopeOwner(database, input.scope)
  const params = { ...scopeParams(input.scope, owner), now: now.getTime() }
  const counts = groupCounts(sqlite, input.scope, params)
  const category =
    input.category ?? TRIAGE_CATEGORIES.find((c) => counts[c] > 0) ?? TRIAGE_CATEGORIES[0]
  const ids = (
    prepared(sqlite, triageRowsSql(input.scope)).all({
      ...params,
      category,
      limit: input.limit,
    }) as Array<{ id: number }>
  ).map((r) => r.id)
  const listed = allRows<ListedContractRow>(prepared(sqlite, LISTED_CONTRACTS_SQL), {
    ids: JSON.stringify(ids),
  })
  const byId = new Map(listed.map((row) => [row.contract_id, row]))
  const rows = classifyTriage(listed, now)[category].map((entry) =>
    toRow(entry, byId.get(entry.contractId)!, now),
  )
  return { scope: input.scope, category, counts, rows, asOf: toJstIso(now) }
}
