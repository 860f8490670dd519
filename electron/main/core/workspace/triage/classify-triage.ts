import type { ContractWebState } from '../../../../common/domain/contract-web-state'
import {
  isDeadlineReason,
  stuckReasons,
  type ClientSideReason,
  type DeadlineReason,
} from '../../../../common/domain/stuck-reasons'
import {
  TRIAGE_CATEGORIES,
  triageCategoryOf,
  type TriageCategory,
} from '../../../../common/domain/triage-categories'
import { toWebState, type WebStateRow } from '../web-state-rows'

/** One stuck contract in one triage group, with the reason that put it there. */
export interface TriageEntry {
  contractId: number
  state: ContractWebState
  reason: ClientSideReason
  /** The calendar's own warning beside it (cutoff near or passed), shown with the row. */
  deadline: DeadlineReason | null
}

export type TriageGroups = Record<TriageCategory, TriageEntry[]>

/**
 * Sorts candidate rows into the triage groups by their stuck reasons at `now`, each group
 * most urgent first; rows with no credential trouble (yet) are left out. A contract lands in every group one of its reasons
 * names; the rules give a contract at most one such reason today.
 */
export function classifyTriage(rows: readonly WebStateRow[], now: Date): TriageGroups {
  const groups = Object.fromEntries(
    TRIAGE_CATEGORIES.map((category) => [category, [] as TriageEntry[]]),
  ) as TriageGroups
  for (const row of rows) {
    const state = toWebState(row)
    const reasons = stuckReasons(state, now)
    let deadline: DeadlineReason | null = null
    for (const reason of reasons) if (isDeadlineReason(reason)) deadline ??= reason
    for (const reason of reasons) {
      if (isDeadlineReason(reason)) continue
      const category = triageCategoryOf(reason)
      if (category) groups[category].push({ contractId: row.contract_id, state, reason, deadline })
    }
  }
  for (const category of TRIAGE_CATEGORIES) groups[category].sort(compareTriageEntries)
  return groups
}

/** Past the web cutoff, fixing the login no longer helps: the client renews through the agency. */
function webClosed(entry: TriageEntry): number {
  const code = entry.deadline?.code
  return code === 'cutoff_passed' || code === 'maturity_passed' ? 1 : 0
}

/**
 * The clients a fixed mail can still save first, nearest web cutoff first; those whose web
 * window has closed go last (their row says so); then whoever has been stuck longest.
 */
export function compareTriageEntries(a: TriageEntry, b: TriageEntry): number {
  return (
    webClosed(a) - webClosed(b) ||
    a.state.webCutoffAt - b.state.webCutoffAt ||
    (a.reason.since ?? Infinity) - (b.reason.since ?? Infinity) ||
    a.contractId - b.contractId
  )
}
