import type { Flow } from '../electron/common/domain/renewal'
import type { Draft } from './draft'
import * as a from './flow-a'
import * as b from './flow-b'
import { WeightedTable, type Rng } from './random'
import type { ScenarioName } from './scenarios'

/** What the client did on the insurer's site; 'none' = nothing yet. */
export type WebState =
  | 'none'
  | 'a_password_mail_pending'
  | 'a_no_mail_arrived'
  | 'a_id_mail_bounced'
  | 'a_password_mail_bounced'
  | 'a_password_suppressed'
  | 'a_never_logged_in'
  | 'a_password_expired'
  | 'a_abandoned'
  | 'a_in_progress'
  | 'a_renewed_web'
  | 'b_provisional_pending'
  | 'b_provisional_expired'
  | 'b_mismatch'
  | 'b_wrong_policy_number'
  | 'b_registered_not_renewed'
  | 'b_abandoned'
  | 'b_in_progress'
  | 'b_renewed_web'

export const WEB_STATE_BUILDERS: Record<WebState, (draft: Draft) => void> = {
  none: () => {},
  a_password_mail_pending: a.passwordMailPending,
  a_no_mail_arrived: a.noMailArrived,
  a_id_mail_bounced: a.idMailBounced,
  a_password_mail_bounced: a.passwordMailBounced,
  a_password_suppressed: a.passwordSuppressed,
  a_never_logged_in: a.neverLoggedIn,
  a_password_expired: a.passwordExpired,
  a_abandoned: a.abandonedA,
  a_in_progress: a.inProgressA,
  a_renewed_web: a.renewedWebA,
  b_provisional_pending: b.provisionalPending,
  b_provisional_expired: b.provisionalExpired,
  b_mismatch: b.mismatch,
  b_wrong_policy_number: b.wrongPolicyNumber,
  b_registered_not_renewed: b.registeredNotRenewed,
  b_abandoned: b.abandonedB,
  b_in_progress: b.inProgressB,
  b_renewed_web: b.renewedWebB,
}

/**
 * After the web cutoff a contract keeps whatever the client left behind, but never an
 * active procedure: only states that have come to rest (domain.md: "web deadline passed").
 */
const LEFT_BEHIND: Record<Flow, WeightedTable<WebState>> = {
  A: new WeightedTable<WebState>([
    ['none', 40],
    ['a_never_logged_in', 20],
    ['a_id_mail_bounced', 8],
    ['a_password_mail_bounced', 4],
    ['a_password_suppressed', 8],
    ['a_password_expired', 8],
    ['a_abandoned', 12],
  ]),
  B: new WeightedTable<WebState>([
    ['none', 40],
    ['b_provisional_expired', 20],
    ['b_mismatch', 12],
    ['b_wrong_policy_number', 6],
    ['b_registered_not_renewed', 10],
    ['b_abandoned', 12],
  ]),
}

const PAST_CUTOFF_SCENARIOS: ReadonlySet<ScenarioName> = new Set([
  'web_closed_not_renewed',
  'renewed_agency',
  'lapsed',
])

const NO_WEB_SCENARIOS: ReadonlySet<ScenarioName> = new Set([
  'not_yet_open',
  'window_open_not_started',
  'cancelled',
])

export function webStateFor(scenario: ScenarioName, flow: Flow, rng: Rng): WebState {
  if (NO_WEB_SCENARIOS.has(scenario)) return 'none'
  if (PAST_CUTOFF_SCENARIOS.has(scenario)) return LEFT_BEHIND[flow].draw(rng)
  return scenario as WebState
}

/** Both flows mail the client, so any web activity implies an email address on file. */
export function needsEmail(state: WebState): boolean {
  return state !== 'none'
}

/** Share of carrier addresses: higher for bounce states, so carrier_filter shows up. */
export function carrierShare(state: WebState): number {
  return state === 'a_id_mail_bounced' || state === 'a_password_mail_bounced' ? 0.5 : 0.3
}
