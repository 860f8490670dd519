import {
  webCutoff,
  webWindowOpens,
  SEED_RULE_SET,
} from '../../../electron/common/domain/insurer-rules'
import { isCarrierAddress, type DemoContract, type MailEvent } from '../../../demo-data/index'

const DAY = 86_400_000
const HOUR = 3_600_000

/**
 * Every rule a generated contract must satisfy, as a list of broken ones (empty = fine).
 * Shared by the unit tests across several "now" values.
 */
export function contractProblems(c: DemoContract, now: number): string[] {
  const problems: string[] = []
  const fail = (what: string) => problems.push(`#${c.index} ${c.scenario}: ${what}`)
  const le = (a: number | null, b: number | null, what: string) => {
    if (a !== null && b !== null && a > b) fail(`${what} (${a} > ${b})`)
  }
  const { mail, progress } = c
  const { idMail, passwordMail, mypage } = mail
  const cutoff = webCutoff(c.maturityDate, SEED_RULE_SET).getTime()
  const opens = webWindowOpens(c.maturityDate, SEED_RULE_SET).getTime()
  const ttl = SEED_RULE_SET.mypageProvisionalTtlHours * HOUR

  // Everything that happened, happened before now.
  const instants: Array<[string, number | null]> = [
    ['id.sent', idMail.sentAt],
    ['id.delivered', idMail.deliveredAt],
    ['id.failed', idMail.failedAt],
    ['pw.sent', passwordMail.sentAt],
    ['pw.delivered', passwordMail.deliveredAt],
    ['pw.failed', passwordMail.failedAt],
    ['firstLogin', mail.firstLoginAt],
    ['tempChanged', mail.tempPasswordChangedAt],
    ['pwExpired', mail.passwordExpiredAt],
    ['mypage.provisional', mypage.provisionalAt],
    ['mypage.registered', mypage.registeredAt],
    ['mypage.failed', mypage.failedAt],
    ['step', progress.stepReachedAt],
    ['screen', progress.screenReachedAt],
    ['started', progress.startedAt],
    ['completed', progress.completedAt],
    ['lastActivity', progress.lastActivityAt],
  ]
  for (const [name, at] of instants) {
    if (at !== null && (!Number.isInteger(at) || at > now)) fail(`${name} after now`)
  }
  if (mypage.status === 'expired')
    le(mypage.provisionalExpiresAt, now, 'expired link in the future')
  if (mypage.status === 'provisional' && (mypage.provisionalExpiresAt ?? 0) <= now) {
    fail('pending provisional registration already expired')
  }

  // Mail events: status matches the fields, order inside each mail.
  const mailShape = (name: string, m: MailEvent<string>) => {
    le(m.sentAt, m.deliveredAt, `${name} delivered before sent`)
    le(m.sentAt, m.failedAt, `${name} failed before sent`)
    const has = [m.sentAt, m.deliveredAt, m.failedAt].map((x) => x !== null)
    const expected: Record<string, boolean[]> = {
      not_sent: [false, false, false],
      suppressed_existing: [false, false, false],
      sent: [true, false, false],
      delivered: [true, true, false],
      bounced: [true, false, true],
    }
    if (JSON.stringify(expected[m.status]) !== JSON.stringify(has))
      fail(`${name} fields vs ${m.status}`)
    if ((m.status === 'bounced') !== (m.failureReason !== null)) fail(`${name} reason vs status`)
    if (m.failureReason === 'carrier_filter' && !isCarrierAddress(c.client.email)) {
      fail(`${name} carrier_filter on a non-carrier address`)
    }
  }
  mailShape('id', idMail)
  mailShape('pw', passwordMail)
  le(idMail.sentAt, passwordMail.sentAt, 'password mail before ID mail')
  if (passwordMail.status === 'suppressed_existing') {
    const year = new Date(now + 9 * HOUR).getUTCFullYear()
    if (mail.credentialsIssuedYear === null || mail.credentialsIssuedYear >= year) {
      fail('suppressed password mail needs credentials from an earlier year')
    }
  }
  le(passwordMail.deliveredAt, mail.firstLoginAt, 'login before the password arrived')
  le(mail.firstLoginAt, mail.tempPasswordChangedAt, 'password changed before login')

  // MyPage.
  if (mypage.provisionalAt !== null && mypage.provisionalExpiresAt !== mypage.provisionalAt + ttl) {
    fail('provisional expiry is not provisional + TTL')
  }
  if (mypage.provisionalAt === null && mypage.provisionalExpiresAt !== null)
    fail('expiry without provisional')
  le(mypage.provisionalAt, mypage.registeredAt, 'registered before provisional')
  if (mypage.registeredAt !== null && mypage.provisionalAt !== null) {
    if (mypage.registeredAt > mypage.provisionalAt + ttl) fail('registered after the link expired')
  }
  if ((mypage.status === 'mismatch') !== (mypage.mismatchField !== null)) fail('mismatch field')
  if (['mismatch', 'wrong_policy_number'].includes(mypage.status) !== (mypage.failedAt !== null)) {
    fail('failedAt vs mypage status')
  }

  // Progress order and the web window.
  le(progress.startedAt, progress.stepReachedAt, 'step before start')
  le(progress.startedAt, progress.lastActivityAt, 'activity before start')
  le(progress.screenReachedAt, progress.lastActivityAt, 'screen after last activity')
  le(progress.startedAt, progress.completedAt, 'completed before start')
  if (progress.startedAt !== null && progress.startedAt < opens)
    fail('started before the window opened')
  if (c.renewalChannel !== 'agency') {
    for (const [name, at] of instants) {
      if (name !== 'mypage.registered' && at !== null && at > cutoff)
        fail(`${name} after the web cutoff`)
    }
  }
  const webStarted = progress.step !== 'none'
  if (!webStarted && progress.startedAt !== null) fail('start without a step')
  if (webStarted && c.client.email === null) fail('web activity without an email address')
  if (
    progress.step === 'none' &&
    (idMail.status !== 'not_sent' || mypage.status !== 'not_started')
  ) {
    if (!(c.flow === 'A' && mypage.status === 'registered')) fail('mail activity with step none')
  }
  if (progress.step !== 'none' && !progress.step.startsWith(c.flow.toLowerCase()))
    fail('step of the other flow')
  if (c.flow === 'B' && idMail.status !== 'not_sent') fail('flow B with an ID mail')
  if (c.flow === 'A' && mypage.provisionalAt !== null)
    fail('flow A with a MyPage provisional registration')
  const midProcedure = progress.step === 'a3_procedure' || progress.step === 'b4_procedure'
  if (cutoff <= now && midProcedure && (progress.lastActivityAt ?? now) > now - 3 * DAY) {
    fail('mid-procedure after the cutoff without being abandoned')
  }
  if (opens > now && webStarted) fail('web activity before the window opened')

  // Outcomes.
  const today = new Date(now + 9 * HOUR).toISOString().slice(0, 10)
  if (c.scenario === 'not_yet_open' && opens <= now) fail('not_yet_open but the window is open')
  if (c.renewalStatus === 'lapsed' && c.maturityDate >= today) fail('lapsed before maturity')
  if (c.maturityDate < today && !['renewed', 'lapsed', 'cancelled'].includes(c.renewalStatus)) {
    fail('matured without an outcome')
  }
  const renewed = c.renewalStatus === 'renewed'
  if (renewed !== (c.renewedPolicyNumber !== null) || renewed !== (c.renewalChannel !== null)) {
    fail('renewed fields')
  }
  if (renewed && progress.completedAt === null) fail('renewed without completedAt')
  if (c.renewalChannel === 'web') {
    const done = c.flow === 'A' ? ['a4_completed', 'a5_mypage'] : ['b5_completed']
    if (!done.includes(progress.step) || progress.screen !== 'formed')
      fail('web renewal not at its last step')
  }
  if (c.renewalChannel === 'agency' && (progress.completedAt ?? 0) < cutoff) {
    fail('agency renewal before the web cutoff')
  }
  if (c.renewalStatus === 'in_progress' && !webStarted) fail('in_progress without a step')
  return problems
}
