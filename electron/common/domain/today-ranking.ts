import { isOpenForRenewal, type ContractWebState } from './contract-web-state'
import { URGENCY_BUCKETS, urgencyBucket, type UrgencyBucket } from './insurer-rules'
import {
  isDeadlineReason,
  SEVERITIES,
  stuckReasons,
  type ClientSideReason,
  type StuckReason,
} from './stuck-reasons'

/**
 * Today's call list. The ranking rule, most important key first:
 *
 *   1. deadline tier — maturity passed (the car may be uninsured) < web window closed
 *      < ≤3 days < ≤7 < ≤14 < ≤30 < later (urgencyBucket on the Japan-time cutoff);
 *   2. the worst client-side stuck severity (warning < notice < nothing stuck);
 *   3. stuck longest first;
 *   4. earliest web cutoff first;
 *   5. policy number, then contract id (two insurers may share a policy number), so the
 *      order is total and the same list always comes out in the same order.
 *
 * The deadline leads because it is what turns a stuck client into an uninsured car: a
 * bounced mail with a month to go can wait for a client whose window closes tomorrow.
 */

/**
 * Contracts whose web cutoff is this close are called even when nothing is stuck: a week
 * leaves time for a mail reissue and a second try, and keeps the list a day's work.
 */
export const DUE_TODAY_BUCKETS: ReadonlySet<UrgencyBucket> = new Set(['closed', 'd3', 'd7'])

export interface TodayCandidate extends ContractWebState {
  id: number
  policyNumber: string
}

/** Ascending numbers; compare element by element. */
export type TodayPriority = readonly [
  deadlineTier: number,
  stuckSeverity: number,
  negStuckMs: number,
  webCutoffAt: number,
]

export interface RankedContract<T extends TodayCandidate> {
  contract: T
  reasons: StuckReason[]
  priority: TodayPriority
}

function clientSide(reasons: readonly StuckReason[]): ClientSideReason[] {
  return reasons.filter((r): r is ClientSideReason => !isDeadlineReason(r))
}

export function isDueToday(
  contract: ContractWebState,
  now: Date,
  reasons: readonly StuckReason[] = stuckReasons(contract, now),
): boolean {
  if (!isOpenForRenewal(contract.renewalStatus)) return false
  const bucket = urgencyBucket(now, new Date(contract.webCutoffAt))
  return DUE_TODAY_BUCKETS.has(bucket) || clientSide(reasons).length > 0
}

export function todayPriority(
  contract: ContractWebState,
  now: Date,
  reasons: readonly StuckReason[] = stuckReasons(contract, now),
): TodayPriority {
  const maturityPassed = reasons.some((r) => r.code === 'maturity_passed')
  const bucket = urgencyBucket(now, new Date(contract.webCutoffAt))
  const deadlineTier = maturityPassed ? 0 : 1 + URGENCY_BUCKETS.indexOf(bucket)
  const stuck = clientSide(reasons)
  const stuckSeverity = Math.min(
    SEVERITIES.length,
    ...stuck.map((r) => SEVERITIES.indexOf(r.severity)),
  )
  const stuckMs = Math.max(0, ...stuck.map((r) => r.elapsedMs ?? 0))
  // 0 - x, not -x: an unstuck contract gets 0, never -0, so equal tuples compare equal.
  return [deadlineTier, stuckSeverity, 0 - stuckMs, contract.webCutoffAt]
}

export function compareForToday<T extends TodayCandidate>(
  a: RankedContract<T>,
  b: RankedContract<T>,
): number {
  for (let i = 0; i < a.priority.length; i++) {
    const d = (a.priority[i] ?? 0) - (b.priority[i] ?? 0)
    if (d !== 0) return d
  }
  // Code-unit order, not localeCompare: the same on every PC whatever its locale.
  const pa = a.contract.policyNumber
  const pb = b.contract.policyNumber
  if (pa !== pb) return pa < pb ? -1 : 1
  return a.contract.id - b.contract.id
}

/** Today's list: the contracts due today, most urgent first. */
export function rankForToday<T extends TodayCandidate>(
  contracts: readonly T[],
  now: Date,
): RankedContract<T>[] {
  const ranked: RankedContract<T>[] = []
  for (const contract of contracts) {
    const reasons = stuckReasons(contract, now)
    if (!isDueToday(contract, now, reasons)) continue
    ranked.push({ contract, reasons, priority: todayPriority(contract, now, reasons) })
  }
  return ranked.sort(compareForToday)
}
