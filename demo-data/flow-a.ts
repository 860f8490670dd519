import type { BounceReason } from '../electron/common/domain/renewal'
import { DAY, HOUR, jstYear, MINUTE, SECOND } from './calendar'
import {
  Chain,
  FORMED_SCREEN,
  place,
  screenAt,
  setStep,
  walkScreens,
  type Draft,
  type Place,
} from './draft'
import { WeightedTable } from './random'

/**
 * Flow A (seed 000): STEP① ID mail + password mail, STEP② first login, STEP③ the
 * procedure screens, STEP④ completion mail, STEP⑤ MyPage. One builder per stuck state.
 */
type IdOutcome = 'delivered' | 'sent' | 'bounced'
type PasswordOutcome = IdOutcome | 'not_sent' | 'suppressed'

interface MailPlan {
  id: IdOutcome
  password: PasswordOutcome
  reason: BounceReason | null
  idDone: number
  passwordSent: number
  passwordDone: number
}

/** The two mails go out when the client requests credentials, at the chain's current time. */
function planMails(
  draft: Draft,
  chain: Chain,
  id: IdOutcome,
  password: PasswordOutcome,
  reason: BounceReason | null = null,
  passwordLag: readonly [number, number] = [10 * SECOND, 3 * MINUTE],
): MailPlan {
  const { rng } = draft
  const sent = chain.t
  const idDone =
    id === 'delivered'
      ? sent + rng.int(3 * SECOND, 90 * SECOND)
      : id === 'bounced'
        ? sent + rng.int(5 * SECOND, 10 * MINUTE)
        : sent
  const passwordSent = sent + rng.int(passwordLag[0], passwordLag[1])
  const passwordDone =
    password === 'delivered'
      ? passwordSent + rng.int(3 * SECOND, 2 * MINUTE)
      : password === 'bounced'
        ? passwordSent + rng.int(5 * SECOND, 10 * MINUTE)
        : passwordSent
  const mailsSettled = password === 'delivered' || password === 'bounced' ? passwordDone : idDone
  chain.t = Math.max(idDone, mailsSettled)
  return { id, password, reason, idDone, passwordSent, passwordDone }
}

function applyMails(draft: Draft, plan: MailPlan, at: Place, sent: number): void {
  const { mail } = draft
  mail.idMail.status = plan.id
  mail.idMail.sentAt = at(sent)
  if (plan.id === 'delivered') mail.idMail.deliveredAt = at(plan.idDone)
  if (plan.id === 'bounced') {
    mail.idMail.failedAt = at(plan.idDone)
    mail.idMail.failureReason = plan.reason
  }
  if (plan.password === 'suppressed') {
    // Credentials from an earlier season: the insurer sends no new password mail.
    mail.passwordMail.status = 'suppressed_existing'
    mail.credentialsIssuedYear = jstYear(draft.now) - draft.rng.int(1, 3)
  } else {
    mail.credentialsIssuedYear = jstYear(at(sent))
    mail.passwordMail.status = plan.password
    if (plan.password !== 'not_sent') mail.passwordMail.sentAt = at(plan.passwordSent)
    if (plan.password === 'delivered') mail.passwordMail.deliveredAt = at(plan.passwordDone)
    if (plan.password === 'bounced') {
      mail.passwordMail.failedAt = at(plan.passwordDone)
      mail.passwordMail.failureReason = plan.reason
    }
  }
  draft.progress.startedAt = at(sent)
  draft.progress.lastActivityAt = at(sent)
  setStep(draft, 'a1_credentials', at(sent))
  draft.renewalStatus = 'in_progress'
}

const ID_BOUNCE_CARRIER = new WeightedTable<BounceReason>([
  ['carrier_filter', 5],
  ['mailbox_full', 2],
  ['invalid_address', 2],
  ['unknown', 1],
])
const ID_BOUNCE_OTHER = new WeightedTable<BounceReason>([
  ['invalid_address', 6],
  ['mailbox_full', 3],
  ['unknown', 1],
])
// The ID mail got through, so the address exists: only a full box or a filter remain.
const PASSWORD_BOUNCE_CARRIER = new WeightedTable<BounceReason>([
  ['carrier_filter', 6],
  ['mailbox_full', 3],
  ['unknown', 1],
])
const PASSWORD_BOUNCE_OTHER = new WeightedTable<BounceReason>([
  ['mailbox_full', 8],
  ['unknown', 2],
])

/** Credentials requested, then nothing more: the shape of most flow-A stuck states. */
function mailsOnly(
  draft: Draft,
  id: IdOutcome,
  password: PasswordOutcome,
  window: { from: number; to: number },
  reason: BounceReason | null = null,
  passwordLag?: readonly [number, number],
): void {
  const chain = new Chain(draft.rng)
  const plan = planMails(draft, chain, id, password, reason, passwordLag)
  const at = place(draft, 0, Math.max(draft.slot.windowOpensAt, window.from), window.to)
  applyMails(draft, plan, at, 0)
}

export function passwordMailPending(draft: Draft): void {
  // Either the insurer has not sent it yet, or it is on its way: the flyer's "time lag".
  const password = draft.rng.chance(0.5) ? 'sent' : 'not_sent'
  const window = { from: draft.end - 6 * HOUR, to: draft.end - 5 * MINUTE }
  mailsOnly(draft, 'delivered', password, window, null, [MINUTE, 40 * MINUTE])
}

export function noMailArrived(draft: Draft): void {
  mailsOnly(draft, 'sent', 'sent', { from: draft.end - 3 * DAY, to: draft.end - 10 * MINUTE })
}

export function idMailBounced(draft: Draft): void {
  const reason = (draft.emailIsCarrier ? ID_BOUNCE_CARRIER : ID_BOUNCE_OTHER).draw(draft.rng)
  mailsOnly(draft, 'bounced', 'bounced', { from: 0, to: draft.end - 10 * MINUTE }, reason)
}

export function passwordMailBounced(draft: Draft): void {
  const table = draft.emailIsCarrier ? PASSWORD_BOUNCE_CARRIER : PASSWORD_BOUNCE_OTHER
  const reason = table.draw(draft.rng)
  mailsOnly(draft, 'delivered', 'bounced', { from: 0, to: draft.end - 10 * MINUTE }, reason)
}

export function passwordSuppressed(draft: Draft): void {
  mailsOnly(draft, 'delivered', 'suppressed', { from: 0, to: draft.end - HOUR })
}

export function neverLoggedIn(draft: Draft): void {
  mailsOnly(draft, 'delivered', 'delivered', { from: 0, to: draft.end - 2 * DAY })
}

export function passwordExpired(draft: Draft): void {
  const chain = new Chain(draft.rng)
  const plan = planMails(draft, chain, 'delivered', 'suppressed')
  const attempt = chain.wait(5 * MINUTE, 2 * DAY)
  const at = place(draft, attempt, draft.slot.windowOpensAt, draft.end - 10 * MINUTE)
  applyMails(draft, plan, at, 0)
  draft.mail.passwordExpiredAt = at(attempt)
  draft.progress.lastActivityAt = at(attempt)
  setStep(draft, 'a2_login', at(attempt))
}

interface Session {
  plan: MailPlan
  fresh: boolean
  login: number
  changed: number | null
  procedureStart: number
  lastScreenAt: number
}

/** Credentials, first login (changing the temporary password if new), then screens. */
function session(draft: Draft, chain: Chain, lastScreen: number): Session {
  const { rng } = draft
  const fresh = rng.chance(0.7)
  const plan = planMails(draft, chain, 'delivered', fresh ? 'delivered' : 'suppressed')
  const login = chain.wait(2 * MINUTE, 3 * DAY)
  const changed = fresh ? chain.wait(30 * SECOND, 3 * MINUTE) : null
  // Some clients log in, look, and come back to the procedure days later.
  const procedureStart = rng.chance(0.3)
    ? chain.wait(HOUR, 5 * DAY)
    : chain.wait(30 * SECOND, 5 * MINUTE)
  const lastScreenAt = walkScreens(chain, lastScreen)
  return { plan, fresh, login, changed, procedureStart, lastScreenAt }
}

function applySession(draft: Draft, s: Session, at: Place, lastScreen: number): void {
  applyMails(draft, s.plan, at, 0)
  draft.mail.firstLoginAt = at(s.login)
  if (s.changed !== null) draft.mail.tempPasswordChangedAt = at(s.changed)
  setStep(draft, 'a3_procedure', at(s.procedureStart))
  draft.progress.screen = screenAt(lastScreen)
  draft.progress.screenReachedAt = at(s.lastScreenAt)
  draft.progress.lastActivityAt = at(s.lastScreenAt)
}

export function inProgressA(draft: Draft): void {
  const lastScreen = draft.rng.int(0, FORMED_SCREEN - 1)
  const s = session(draft, new Chain(draft.rng), lastScreen)
  const at = place(
    draft,
    s.lastScreenAt,
    Math.max(draft.slot.windowOpensAt, draft.end - 2 * DAY),
    draft.end,
  )
  applySession(draft, s, at, lastScreen)
}

export function abandonedA(draft: Draft): void {
  const lastScreen = draft.rng.int(0, FORMED_SCREEN - 1)
  const s = session(draft, new Chain(draft.rng), lastScreen)
  const to = Math.min(draft.end, draft.now - 3 * DAY)
  const at = place(draft, s.lastScreenAt, draft.slot.windowOpensAt, to)
  applySession(draft, s, at, lastScreen)
}

export function renewedWebA(draft: Draft): void {
  const { rng } = draft
  const chain = new Chain(rng)
  const s = session(draft, chain, FORMED_SCREEN)
  const completionMail = chain.wait(10 * SECOND, 3 * MINUTE)
  const mypage = rng.chance(0.35) ? chain.wait(5 * MINUTE, 10 * DAY) : null
  const at = place(draft, s.lastScreenAt, draft.slot.windowOpensAt, draft.end)
  applySession(draft, s, at, FORMED_SCREEN)
  draft.progress.completedAt = at(s.lastScreenAt)
  if (mypage === null) {
    setStep(draft, 'a4_completed', at(completionMail))
  } else {
    setStep(draft, 'a5_mypage', at(mypage))
    draft.progress.lastActivityAt = at(mypage)
    draft.mail.mypage.status = 'registered'
    draft.mail.mypage.registeredAt = at(mypage)
  }
  draft.renewalStatus = 'renewed'
  draft.renewalChannel = 'web'
  draft.renewed = true
}
