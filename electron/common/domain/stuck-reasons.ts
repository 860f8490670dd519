import {
  COMPLETED_STEPS,
  isOpenForRenewal,
  passwordExpiryUnresolved,
  type ContractWebState,
  type MailEvent,
} from './contract-web-state'
import { urgencyBucket } from './insurer-rules'
import { calendarDaysBetween, jstDateOf } from './jst-calendar'
import {
  FLOW_A_STEPS,
  type BounceReason,
  type MailStatus,
  type MismatchField,
  type PasswordMailStatus,
  type ProcedureScreen,
  type RenewalStep,
} from './renewal'

export { nextAction, reasonText } from './stuck-reason-text'

/**
 * Why a contract needs a call, from domain.md "What can go wrong". Pure: the same state and
 * `now` always give the same list, in the same order.
 */

const HOUR_MS = 60 * 60 * 1000

/** The insurer's mails land within minutes; an hour undelivered means a filter or a bad address. */
export const MAIL_UNDELIVERED_AFTER_HOURS = 1
/**
 * The flyer warns the password mail can lag the ID mail ("タイムラグ"): leave the lag ample
 * room so staff do not chase a mail that is on its way, yet still flag it the same day.
 */
export const PASSWORD_MAIL_LAG_HOURS = 2
/** Two days with both mails in hand and no login: the client has put it aside. */
export const NEVER_LOGGED_IN_AFTER_HOURS = 48
/**
 * Coming back the next day is normal; two full days without touching a half-done procedure
 * is the same "put it aside" as never logging in, and is worth a call while time remains.
 */
export const ABANDONED_AFTER_HOURS = 48

export const SEVERITIES = ['critical', 'warning', 'notice'] as const
/**
 * critical: the web route is lost or about to be, or the car may go uninsured.
 * warning: the client is blocked and cannot go on without the agency.
 * notice: the client could go on alone but has stalled, or the deadline is a week away.
 */
export type Severity = (typeof SEVERITIES)[number]

/** When the stuck condition began (null if the insurer did not say) and how long ago. */
export interface Elapsed {
  since: number | null
  elapsedMs: number | null
}

/** Which of the flow-A mails bounced; both usually bounce together for a bad address. */
export type BouncedMail = 'id' | 'password' | 'both'

export type StuckReason =
  | { code: 'maturity_passed'; severity: 'critical'; daysSinceMaturity: number }
  | { code: 'cutoff_passed'; severity: 'critical'; daysToMaturity: number }
  | { code: 'cutoff_near'; severity: 'critical' | 'notice'; cutoffAt: number; daysLeft: number }
  | ({ code: 'mail_bounced'; severity: 'warning'; mail: BouncedMail } & Elapsed & {
        bounceReason: BounceReason
      })
  | ({ code: 'no_mail_arrived'; severity: 'warning' } & Elapsed)
  | ({ code: 'id_mail_missing'; severity: 'warning' } & Elapsed)
  | ({ code: 'password_mail_missing'; severity: 'warning' } & Elapsed)
  | ({ code: 'password_suppressed_earlier_year'; severity: 'warning' } & Elapsed & {
        credentialsIssuedYear: number | null
      })
  | ({ code: 'password_expired'; severity: 'warning' } & Elapsed)
  | ({ code: 'never_logged_in'; severity: 'notice' } & Elapsed)
  | ({ code: 'provisional_expired'; severity: 'warning' } & Elapsed)
  | ({ code: 'registration_mismatch'; severity: 'warning' } & Elapsed & {
        field: MismatchField | null
      })
  | ({ code: 'wrong_policy_number'; severity: 'warning' } & Elapsed)
  | ({ code: 'abandoned'; severity: 'notice' } & Elapsed & {
        step: RenewalStep
        screen: ProcedureScreen | null
      })

export type StuckCode = StuckReason['code']

/** Display order within one severity: the deadline first, then the flow's own order. */
export const STUCK_CODES = [
  'maturity_passed',
  'cutoff_passed',
  'cutoff_near',
  'mail_bounced',
  'no_mail_arrived',
  'id_mail_missing',
  'password_mail_missing',
  'password_suppressed_earlier_year',
  'password_expired',
  'never_logged_in',
  'provisional_expired',
  'registration_mismatch',
  'wrong_policy_number',
  'abandoned',
] as const satisfies readonly StuckCode[]

/** Reasons that come from the calendar alone, not from anything the client did. */
export type DeadlineReason = Extract<
  StuckReason,
  { code: 'maturity_passed' | 'cutoff_passed' | 'cutoff_near' }
>
/** Reasons from what the client did or could not do; each carries how long it has lasted. */
export type ClientSideReason = Exclude<StuckReason, DeadlineReason>

export function isDeadlineReason(reason: StuckReason): reason is DeadlineReason {
  return (
    reason.code === 'maturity_passed' ||
    reason.code === 'cutoff_passed' ||
    reason.code === 'cutoff_near'
  )
}

export function stuckReasons(state: ContractWebState, now: Date): StuckReason[] {
  if (!isOpenForRenewal(state.renewalStatus)) return []
  const t = now.getTime()
  const clientSide =
    state.flow === 'A'
      ? [...mailReasons(state, t), ...loginReasons(state, t)]
      : mypageReasons(state, t)
  // "Abandoned" is the fallback explanation: a more specific reason already says why.
  if (clientSide.length === 0) clientSide.push(...abandoned(state, t))
  return [...deadlineReasons(state, now), ...clientSide].sort(bySeverityThenCode)
}

function bySeverityThenCode(a: StuckReason, b: StuckReason): number {
  const severity = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
  return severity !== 0 ? severity : STUCK_CODES.indexOf(a.code) - STUCK_CODES.indexOf(b.code)
}

function deadlineReasons(state: ContractWebState, now: Date): StuckReason[] {
  const today = jstDateOf(now.getTime())
  const toMaturity = calendarDaysBetween(today, state.maturityDate)
  // The maturity day itself still allows an agency renewal; the next Japan date does not.
  if (toMaturity < 0)
    return [{ code: 'maturity_passed', severity: 'critical', daysSinceMaturity: -toMaturity }]
  const bucket = urgencyBucket(now, new Date(state.webCutoffAt))
  if (bucket === 'closed')
    return [{ code: 'cutoff_passed', severity: 'critical', daysToMaturity: toMaturity }]
  if (bucket !== 'd3' && bucket !== 'd7') return []
  const daysLeft = calendarDaysBetween(today, jstDateOf(state.webCutoffAt))
  const severity = bucket === 'd3' ? 'critical' : 'notice'
  return [{ code: 'cutoff_near', severity, cutoffAt: state.webCutoffAt, daysLeft }]
}

function elapsed(since: number | null, t: number): Elapsed {
  return { since, elapsedMs: since === null ? null : t - since }
}

/** Exactly N hours counts as stuck: the threshold is the first moment to call. */
function atLeast(e: Elapsed, hours: number): boolean {
  return e.elapsedMs !== null && e.elapsedMs >= hours * HOUR_MS
}

function isWaiting(mail: MailEvent<MailStatus | PasswordMailStatus>): boolean {
  return mail.status === 'sent' || mail.status === 'not_sent'
}

function mailReasons(state: ContractWebState, t: number): StuckReason[] {
  const { idMail, passwordMail } = state.mail
  const idBounced = idMail.status === 'bounced'
  const passwordBounced = passwordMail.status === 'bounced'
  if (idBounced || passwordBounced) {
    const first = idBounced ? idMail : passwordMail
    const mail: BouncedMail = idBounced && passwordBounced ? 'both' : idBounced ? 'id' : 'password'
    const bounceReason = first.failureReason ?? 'unknown'
    const since = earliest(
      idBounced ? idMail.failedAt : null,
      passwordBounced ? passwordMail.failedAt : null,
    )
    return [{ code: 'mail_bounced', severity: 'warning', mail, bounceReason, ...elapsed(since, t) }]
  }
  if (idMail.status === 'sent') {
    const e = elapsed(idMail.sentAt, t)
    if (!atLeast(e, MAIL_UNDELIVERED_AFTER_HOURS)) return []
    // Only the ID mail was expected (earlier-year credentials), or the password one made it.
    const onlyId = !isWaiting(passwordMail)
    return [{ code: onlyId ? 'id_mail_missing' : 'no_mail_arrived', severity: 'warning', ...e }]
  }
  if (idMail.status !== 'delivered') return []
  const sinceId = elapsed(idMail.sentAt ?? idMail.deliveredAt, t)
  if (isWaiting(passwordMail)) {
    return atLeast(sinceId, PASSWORD_MAIL_LAG_HOURS)
      ? [{ code: 'password_mail_missing', severity: 'warning', ...sinceId }]
      : []
  }
  return []
}

function loginReasons(state: ContractWebState, t: number): StuckReason[] {
  const { mail, progress } = state
  if (procedureStarted(progress.step)) return []
  if (passwordExpiryUnresolved(mail)) {
    return [
      { code: 'password_expired', severity: 'warning', ...elapsed(mail.passwordExpiredAt, t) },
    ]
  }
  if (mail.firstLoginAt !== null || mail.idMail.status !== 'delivered') return []
  if (mail.passwordMail.status === 'suppressed_existing') {
    // The client may be waiting for a password mail that will never come.
    const e = elapsed(mail.idMail.sentAt ?? mail.idMail.deliveredAt, t)
    if (!atLeast(e, PASSWORD_MAIL_LAG_HOURS)) return []
    const year = mail.credentialsIssuedYear
    return [
      {
        code: 'password_suppressed_earlier_year',
        severity: 'warning',
        credentialsIssuedYear: year,
        ...e,
      },
    ]
  }
  if (mail.passwordMail.status !== 'delivered') return []
  const e = elapsed(mail.passwordMail.deliveredAt, t)
  return atLeast(e, NEVER_LOGGED_IN_AFTER_HOURS)
    ? [{ code: 'never_logged_in', severity: 'notice', ...e }]
    : []
}

function mypageReasons(state: ContractWebState, t: number): StuckReason[] {
  const { mypage } = state.mail
  switch (mypage.status) {
    case 'mismatch':
      return [
        {
          code: 'registration_mismatch',
          severity: 'warning',
          field: mypage.mismatchField,
          ...elapsed(mypage.failedAt, t),
        },
      ]
    case 'wrong_policy_number':
      return [{ code: 'wrong_policy_number', severity: 'warning', ...elapsed(mypage.failedAt, t) }]
    case 'expired':
      return [
        {
          code: 'provisional_expired',
          severity: 'warning',
          ...elapsed(mypage.provisionalExpiresAt, t),
        },
      ]
    case 'provisional': {
      // The insurer may not have flipped the status yet; the expiry instant is authoritative.
      const expires = mypage.provisionalExpiresAt
      return expires !== null && t >= expires
        ? [{ code: 'provisional_expired', severity: 'warning', ...elapsed(expires, t) }]
        : []
    }
    default:
      return []
  }
}

/**
 * At these steps the client is waiting on the insurer's mail, and the mail rules (never
 * logged in, provisional expiry) say when that wait is too long: "abandoned" would only
 * pre-empt them with a vaguer word.
 */
export const WAITING_ON_MAIL: ReadonlySet<RenewalStep> = new Set([
  'a1_credentials',
  'b2_provisional',
])

function abandoned(state: ContractWebState, t: number): StuckReason[] {
  const { step, screen } = state.progress
  if (step === 'none' || COMPLETED_STEPS.has(step) || WAITING_ON_MAIL.has(step)) return []
  if (screen === 'formed') return []
  const { lastActivityAt, screenReachedAt, stepReachedAt } = state.progress
  const e = elapsed(lastActivityAt ?? screenReachedAt ?? stepReachedAt, t)
  return atLeast(e, ABANDONED_AFTER_HOURS)
    ? [{ code: 'abandoned', severity: 'notice', step, screen, ...e }]
    : []
}

const FLOW_A_ORDER: readonly RenewalStep[] = ['none', ...FLOW_A_STEPS]

function stepIndex(step: RenewalStep): number {
  return FLOW_A_ORDER.indexOf(step)
}

/** Flow A: the client is past logging in (the login rules no longer apply). */
export function procedureStarted(step: RenewalStep): boolean {
  return stepIndex(step) >= stepIndex('a3_procedure')
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.min(a, b)
}
