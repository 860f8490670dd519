import { HOUR, MINUTE, SECOND } from '../../demo-data/calendar'

/**
 * How clients behave, as rates. Tuned so that over a 60-day window most contracts renew on
 * the web, a visible minority get stuck or abandon, and the agency and the calendar take
 * the rest — the proportions the generator's scenarios start from.
 */

/** The simulation looks at the book in slots of simulated time. */
export const SLOT_MS = 10 * MINUTE
/** How often, per simulated day, a contract is looked at (its "visits"). */
export const VISITS_PER_DAY = 2
/** Bounded work: never more visits than this in one slot, however large the book. */
export const MAX_VISITS_PER_SLOT = 20_000

/** Chance per day that a client in the open window does the next thing, by urgency. */
export function dailyStartChance(daysToCutoff: number): number {
  if (daysToCutoff <= 3) return 0.35
  if (daysToCutoff <= 14) return 0.15
  return 0.05
}

/** Chance per day that staff renew a contract at the agency after the web cutoff. */
export const AGENCY_RENEWAL_PER_DAY = 0.45
/** Flow A: credentials from an earlier season (no new password mail). */
export const EARLIER_CREDENTIALS = 0.25
/** Flow A: the old password has expired when such a client logs in. */
export const PASSWORD_EXPIRED = 0.15
/** A mail still "sent" after an hour turns up late on a visit. */
export const LATE_DELIVERY = 0.3
/** Chance of stopping at each procedure screen. */
export const ABANDON_PER_SCREEN = 0.06
/** Flow B sign-up outcomes. */
export const MISMATCH = 0.1
export const WRONG_POLICY_NUMBER = 0.05
/** Flow B: the client opens the provisional-registration mail in time. */
export const REGISTERS_IN_TIME = 0.7
/** Flow A: renewed clients who then register on MyPage (STEP⑤), per visit. */
export const MYPAGE_AFTER_RENEWAL = 0.1
/** Transient full mailbox on any send. */
export const MAILBOX_FULL = 0.03

export const SCREEN_GAP: readonly [number, number] = [40 * SECOND, 6 * MINUTE]
export const REGISTER_DELAY: readonly [number, number] = [3 * MINUTE, 20 * HOUR]
/** Reissues: the insurer sends the new mail a few simulated minutes after accepting. */
export const REISSUE_SEND_DELAY: readonly [number, number] = [1 * MINUTE, 5 * MINUTE]
export const MAIL_TRANSIT: readonly [number, number] = [3 * SECOND, 2 * MINUTE]
