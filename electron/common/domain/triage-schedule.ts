import type { ContractWebState } from './contract-web-state'
import { reasonsOverTime, type ReasonsFrom } from './today-schedule'
import { triageCategoryOf, type TriageCategory } from './triage-categories'

/**
 * Which メール未着・登録エラー group a stored state puts a contract in, from when, and since
 * when the client has been stuck — stored per contract like the today schedule (see
 * today-schedule.ts), so the triage screen counts and lists a 1M book from an index instead of
 * running the rules over 150k candidates. The rules give a state at most one credential
 * reason, and once it fires it stays until the state changes; tests/unit/common/triage-schedule.test.ts
 * checks both against stuckReasons() for any state and instant.
 */
export interface TriageSchedule {
  category: TriageCategory
  /** The first instant (epoch ms) the contract belongs in the group. */
  from: number
  /** The reason's own `since` (e.g. when the ID mail was sent); null when the insurer gave none. */
  since: number | null
}

/** The triage group of this state, or null when it never has one (as the state stands). */
export function triageSchedule(
  state: ContractWebState,
  overTime: readonly ReasonsFrom[] = reasonsOverTime(state),
): TriageSchedule | null {
  // Each rule's first instant, earliest first: the first one with a credential reason is it.
  for (const { from, reasons } of overTime) {
    for (const reason of reasons) {
      const category = triageCategoryOf(reason)
      if (category) return { category, from, since: reason.since }
    }
  }
  return null
}
