import type { ParsedInputOf } from '../../../../common/api/contract'
import type { TriageList, TriageRow } from '../../../../common/api/triage-schemas'
import { urgencyBucket } from '../../../../common/domain/insurer-rules'
import { toJstIso } from '../../../../common/domain/japan-time'
import { nextAction, reasonText, type StuckReason } from '../../../../common/domain/stuck-reasons'
import { TRIAGE_CATEGORIES, type TriageCategory } from '../../../../common/domain/triage-categories'
import type { DatabaseHandle } from '../../../../../db/connection'
import { AppError } from '../../api/app-error'
import { readCurrentStaff } from '../../session/session-handlers'
import { classifyTriage, type TriageEntry } from './classify-triage'
import { createTriageCache, type TriageCache } from './triage-cache'
import {
  triageCandidates,
  triageDisplayRows,
  type TriageDisplayRow,
  type TriageScopeFilter,
} from './triage-candidates'

async function scopeFilter(
  database: DatabaseHandle,
  scope: ParsedInputOf<'triage:list'>['scope'],
): Promise<TriageScopeFilter> {
  if (scope === 'all') return { staffId: null, branchId: null }
  const current = await readCurrentStaff(database.db)
  if (!current) {
    throw new AppError(
      'unauthorized',
      '担当者が選ばれていないため「自分の担当」「支店」を絞り込めません。担当者を選んでください / ' +
        'no staff member is signed in, so "mine" and "my branch" cannot be worked out: sign in first',
    )
  }
  return scope === 'mine'
    ? { staffId: current.id, branchId: null }
    : { staffId: null, branchId: current.branchId }
}

const words = (reason: StuckReason, say: typeof reasonText) => ({
  ja: say(reason, 'ja'),
  en: say(reason, 'en'),
})

function toRow(entry: TriageEntry, display: TriageDisplayRow, now: Date): TriageRow {
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

/** メール未着・登録エラー: counts per group in scope, and the chosen group's rows. */
export async function listTriage(
  database: DatabaseHandle,
  input: ParsedInputOf<'triage:list'>,
  clock: Date,
  cache: TriageCache = createTriageCache(database.sqlite),
): Promise<TriageList> {
  const filter = await scopeFilter(database, input.scope)
  const { groups, at: now } = cache.get(JSON.stringify(filter), clock, () =>
    classifyTriage(triageCandidates(database.sqlite, filter), clock),
  )
  const counts = Object.fromEntries(TRIAGE_CATEGORIES.map((c) => [c, groups[c].length])) as Record<
    TriageCategory,
    number
  >
  const category =
    input.category ?? TRIAGE_CATEGORIES.find((c) => counts[c] > 0) ?? TRIAGE_CATEGORIES[0]
  const chosen = groups[category].slice(0, input.limit)
  const display = triageDisplayRows(
    database.sqlite,
    chosen.map((e) => e.contractId),
  )
  const rows: TriageRow[] = []
  for (const entry of chosen) {
    const names = display.get(entry.contractId)
    // A contract a sync deleted since the groups were worked out is left out.
    if (names) rows.push(toRow(entry, names, now))
  }
  return { scope: input.scope, category, counts, rows, asOf: toJstIso(now) }
}
