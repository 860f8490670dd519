import {
  COMPLETED_STEPS,
  isOpenForRenewal,
  passwordExpiryUnresolved,
  type ContractWebState,
} from './contract-web-state'
import {
  ABANDONED_AFTER_HOURS,
  type ClientSideReason,
  MAIL_UNDELIVERED_AFTER_HOURS,
  NEVER_LOGGED_IN_AFTER_HOURS,
  PASSWORD_MAIL_LAG_HOURS,
  isDeadlineReason,
  procedureStarted,
  SEVERITIES,
  stuckReasons,
  WAITING_ON_MAIL,
} from './stuck-reasons'

/**
 * Today's list over a whole book, without evaluating the rules over the whole book.
 *
 * Every stuck rule of stuck-reasons.ts is "a state, and enough time since an instant", so
 * for a stored state the client-side reasons only change at a few known instants (the
 * instant each rule first fires), and the contract joins today's list at the earliest of
 * them or a week before its web cutoff. Sync and seeding store that schedule beside the
 * contract (TodaySchedule); the list then finds who is due with "due_from ≤ now" from an
 * index and ranks in SQL by the piece of the schedule in force at now — at 1M contracts,
 * tens of milliseconds instead of seconds.
 *
 * It must agree exactly with the rules: tests/unit/common/today-schedule.test.ts checks, for
 * any state and instant, that `t ≥ dueFrom ⇔ isDueToday(state, t)` and that the piece in
 * force gives todayPriority()'s severity and stuck time. A rule changed in stuck-reasons.ts
 * without this file fails that test; SCHEDULE_RULES_VERSION (schedule-version.ts) must then be
 * raised so that stored schedules are recomputed.
 */

/** "Already due, whatever the clock says" (a bounced mail, a registration error). */
export const DUE_ALWAYS = 0

const HOUR_MS = 60 * 60 * 1000
const WEEK_MS = 7 * 24 * HOUR_MS

/** `since + hours`, or never (null) when the insurer gave no instant to count from. */
function after(since: number | null, hours: number): number | null {
  return since === null ? null : since + hours * HOUR_MS
}

function earliest(instants: Array<number | null>): number | null {
  let min: number | null = null
  for (const i of instants) if (i !== null && (min === null || i < min)) min = i
  return min
}

/** mailReasons() of stuck-reasons.ts, as the instant each would first fire. */
function mailDueFrom(state: ContractWebState): number | null {
  const { idMail, passwordMail } = state.mail
  if (idMail.status === 'bounced' || passwordMail.status === 'bounced') return DUE_ALWAYS
  if (idMail.status === 'sent') return after(idMail.sentAt, MAIL_UNDELIVERED_AFTER_HOURS)
  const passwordWaiting = passwordMail.status === 'sent' || passwordMail.status === 'not_sent'
  if (idMail.status === 'delivered' && passwordWaiting) {
    return after(idMail.sentAt ?? idMail.deliveredAt, PASSWORD_MAIL_LAG_HOURS)
  }
  return null
}

/** loginReasons() of stuck-reasons.ts. */
function loginDueFrom(state: ContractWebState): number | null {
  const { mail, progress } = state
  if (procedureStarted(progress.step)) return null
  if (passwordExpiryUnresolved(mail)) return DUE_ALWAYS
  if (mail.firstLoginAt !== null || mail.idMail.status !== 'delivered') return null
  if (mail.passwordMail.status === 'suppressed_existing') {
    return after(mail.idMail.sentAt ?? mail.idMail.deliveredAt, PASSWORD_MAIL_LAG_HOURS)
  }
  if (mail.passwordMail.status !== 'delivered') return null
  return after(mail.passwordMail.deliveredAt, NEVER_LOGGED_IN_AFTER_HOURS)
}

/** mypageReasons() of stuck-reasons.ts. */
function mypageDueFrom(state: ContractWebState): number | null {
  const { mypage } = state.mail
  switch (mypage.status) {
    case 'mismatch':
    case 'wrong_policy_number':
    case 'expired':
      return DUE_ALWAYS
    case 'provisional':
      return mypage.provisionalExpiresAt
    default:
      return null
  }
}

/** abandoned() of stuck-reasons.ts: the fallback only hides behind other reasons, it never un-dues. */
function abandonedDueFrom(state: ContractWebState): number | null {
  const { step, screen, lastActivityAt, screenReachedAt, stepReachedAt } = state.progress
  if (step === 'none' || COMPLETED_STEPS.has(step) || WAITING_ON_MAIL.has(step)) return null
  if (screen === 'formed') return null
  return after(lastActivityAt ?? screenReachedAt ?? stepReachedAt, ABANDONED_AFTER_HOURS)
}

/** The instants at which a client-side reason first fires, by rule; null = never. */
export function stuckRuleStarts(state: ContractWebState): Array<number | null> {
  const clientSide =
    state.flow === 'A' ? [mailDueFrom(state), loginDueFrom(state)] : [mypageDueFrom(state)]
  return [...clientSide, abandonedDueFrom(state)]
}

/**
 * The first instant (epoch ms) at which isDueToday() holds for this state, or null when it
 * never will (the renewal is no longer open). Open renewals are always due a week before the
 * web cutoff at the latest.
 */
export function todayDueFrom(state: ContractWebState): number | null {
  if (!isOpenForRenewal(state.renewalStatus)) return null
  return earliest([state.webCutoffAt - WEEK_MS, ...stuckRuleStarts(state)])
}

/** todayPriority()'s "no client-side reason" severity: after every SEVERITIES index. */
export const NOT_STUCK_SEVERITY = SEVERITIES.length

/** From `from` on (until the next piece), the client-side reasons are this bad, this old. */
export interface SchedulePiece {
  from: number
  /** Index in SEVERITIES of the worst client-side reason. */
  severity: number
  /** The earliest `since` among them (null when the insurer gave none). */
  since: number | null
}

export interface TodaySchedule {
  dueFrom: number | null
  /** In time order; at most MAX_SCHEDULE_PIECES. Before the first: nothing stuck. */
  pieces: SchedulePiece[]
}

/** One piece per rule family (mail or MyPage, login, abandoned). */
export const MAX_SCHEDULE_PIECES = 3

/** The client-side reasons of a state from each instant one of its rules first fires. */
export interface ReasonsFrom {
  from: number
  reasons: ClientSideReason[]
}

/**
 * stuckReasons() at each rule's first instant, earliest first, for an open renewal (none
 * otherwise). Between two of these instants the reasons do not change, so this is the whole
 * story of the state; the today and triage schedules are both read off it.
 */
export function reasonsOverTime(state: ContractWebState): ReasonsFrom[] {
  if (!isOpenForRenewal(state.renewalStatus)) return []
  const starts = [...new Set(stuckRuleStarts(state).filter((s): s is number => s !== null))]
  starts.sort((a, b) => a - b)
  return starts.map((from) => ({
    from,
    reasons: stuckReasons(state, new Date(from)).filter(
      (r): r is ClientSideReason => !isDeadlineReason(r),
    ),
  }))
}

/**
 * The schedule of one stored state. The values of each piece come from stuckReasons()
 * itself, evaluated at the instant the piece begins: only the instants are derived here.
 */
export function todaySchedule(
  state: ContractWebState,
  overTime: readonly ReasonsFrom[] = reasonsOverTime(state),
): TodaySchedule {
  const dueFrom = todayDueFrom(state)
  if (dueFrom === null) return { dueFrom, pieces: [] }
  const pieces = overTime.map(({ from, reasons }): SchedulePiece => {
    let severity: number = NOT_STUCK_SEVERITY
    let since: number | null = null
    for (const r of reasons) {
      severity = Math.min(severity, SEVERITIES.indexOf(r.severity))
      if (r.since !== null && (since === null || r.since < since)) since = r.since
    }
    return { from, severity, since }
  })
  return { dueFrom, pieces }
}

/**
 * The piece in force at `now` as todayPriority() ranks it: [severity, stuckMs]. The SQL of
 * today's list (today-candidates.ts) states the same thing with CASE and min().
 */
export function scheduledStuck(schedule: TodaySchedule, now: number): [number, number] {
  let piece: SchedulePiece | undefined
  for (const p of schedule.pieces) if (p.from <= now) piece = p
  if (!piece) return [NOT_STUCK_SEVERITY, 0]
  return [piece.severity, piece.since === null ? 0 : Math.max(0, now - piece.since)]
}
