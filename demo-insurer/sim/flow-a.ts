import { jstYear, MINUTE, SECOND } from '../../demo-data/calendar'
import type { DemoContract } from '../../demo-data/index'
import type { SimContext } from './context'
import { reachStep, screenIndex, touch } from './progress'
import {
  EARLIER_CREDENTIALS,
  LATE_DELIVERY,
  MAIL_TRANSIT,
  MYPAGE_AFTER_RENEWAL,
  PASSWORD_EXPIRED,
} from './rates'

/**
 * Flow A (seed 000): STEP① ID mail + password mail → STEP② login (change the temporary
 * password) → STEP③ screens (procedure.ts) → STEP④ completion → STEP⑤ MyPage.
 */
/** A visit: the client does the next thing their state allows, if anything. */
export function visitA(ctx: SimContext, index: number, c: DemoContract): void {
  const { at, rng } = ctx
  const { idMail, passwordMail } = c.mail
  switch (c.progress.step) {
    case 'none':
      // Both flows mail the client: without an address only the agency can help.
      if (c.client.email !== null) requestCredentials(ctx, index)
      return
    case 'a1_credentials':
      if (idMail.status === 'sent' && at - (idMail.sentAt ?? at) > 60 * MINUTE) {
        if (rng.chance(LATE_DELIVERY)) deliver(ctx, index, 'id')
        return
      }
      if (passwordMail.status === 'not_sent') return passwordSend(ctx, index, c)
      if (passwordMail.status === 'sent' && at - (passwordMail.sentAt ?? at) > 60 * MINUTE) {
        if (rng.chance(LATE_DELIVERY)) deliver(ctx, index, 'password')
        return
      }
      if (canLogIn(c)) login(ctx, index, c)
      return
    case 'a2_login':
      if (c.mail.passwordExpiredAt !== null) return // needs a password reissue
      if (needsTempChange(c)) return tempChange(ctx, index)
      ctx.later(0, index, 'procedureStart')
      return
    case 'a3_procedure':
      ctx.later(0, index, 'screen', screenIndex(c))
      return
    case 'a4_completed':
      if (rng.chance(MYPAGE_AFTER_RENEWAL)) {
        ctx.store.commit(index, at, { type: 'step.reached', step: 'a5_mypage' }, (d) => {
          reachStep(d, 'a5_mypage', at)
          d.mail.mypage.status = 'registered'
          d.mail.mypage.registeredAt = at
          touch(d, at)
        })
      }
      return
    default:
      return
  }
}

function canLogIn(c: DemoContract): boolean {
  const { idMail, passwordMail } = c.mail
  return (
    idMail.status === 'delivered' &&
    (passwordMail.status === 'delivered' || passwordMail.status === 'suppressed_existing')
  )
}

function needsTempChange(c: DemoContract): boolean {
  return c.mail.passwordMail.status === 'delivered' && c.mail.tempPasswordChangedAt === null
}

function requestCredentials(ctx: SimContext, index: number): void {
  const { at, rng } = ctx
  const year = jstYear(at)
  const earlier = rng.chance(EARLIER_CREDENTIALS)
  ctx.store.commit(index, at, { type: 'id_mail.sent' }, (c) => {
    c.renewalStatus = 'in_progress'
    reachStep(c, 'a1_credentials', at)
    c.progress.startedAt = at
    touch(c, at)
    c.mail.idMail = {
      status: 'sent',
      sentAt: at,
      deliveredAt: null,
      failedAt: null,
      failureReason: null,
    }
    c.mail.credentialsIssuedYear = earlier ? year - rng.int(1, 3) : year
  })
  ctx.later(rng.int(MAIL_TRANSIT[0], MAIL_TRANSIT[1]), index, 'idOutcome')
  // The flyer's "time lag" between the two mails: usually minutes, sometimes longer.
  const lag = rng.chance(0.8) ? rng.int(10 * SECOND, 3 * MINUTE) : rng.int(3 * MINUTE, 40 * MINUTE)
  ctx.later(lag, index, 'passwordSend')
}

/** Flow tasks of flow A, dispatched by the simulation. */
export function idOutcome(ctx: SimContext, index: number, c: DemoContract): void {
  if (c.mail.idMail.status === 'sent') settleMail(ctx, index, c, 'id')
}

export function passwordSend(ctx: SimContext, index: number, c: DemoContract): void {
  const { at } = ctx
  if (c.mail.passwordMail.status !== 'not_sent' || c.mail.credentialsIssuedYear === null) return
  if (c.mail.credentialsIssuedYear < jstYear(at)) {
    // Credentials from an earlier year: the insurer sends no new password mail.
    ctx.store.commit(index, at, { type: 'password_mail.suppressed' }, (d) => {
      d.mail.passwordMail.status = 'suppressed_existing'
    })
    return
  }
  ctx.store.commit(index, at, { type: 'password_mail.sent' }, (d) => {
    d.mail.passwordMail = {
      status: 'sent',
      sentAt: at,
      deliveredAt: null,
      failedAt: null,
      failureReason: null,
    }
  })
  ctx.later(ctx.rng.int(MAIL_TRANSIT[0], MAIL_TRANSIT[1]), index, 'passwordOutcome')
}

export function passwordOutcome(ctx: SimContext, index: number, c: DemoContract): void {
  if (c.mail.passwordMail.status !== 'sent') return
  const delivered = settleMail(ctx, index, c, 'password')
  // Some clients log in as soon as the second mail lands.
  if (delivered && c.mail.idMail.status === 'delivered' && ctx.rng.chance(0.4)) {
    ctx.later(ctx.rng.int(2 * MINUTE, 30 * MINUTE), index, 'login')
  }
}

/** Delivers or bounces a sent mail; returns whether it was delivered. */
export function settleMail(
  ctx: SimContext,
  index: number,
  c: DemoContract,
  which: 'id' | 'password',
): boolean {
  const { at } = ctx
  const reason = ctx.mailVerdict(index, c)
  const key = which === 'id' ? 'idMail' : 'passwordMail'
  if (reason === null) {
    deliver(ctx, index, which)
    return true
  }
  ctx.store.commit(
    index,
    at,
    { type: which === 'id' ? 'id_mail.bounced' : 'password_mail.bounced', reason },
    (d) => {
      d.mail[key].status = 'bounced'
      d.mail[key].failedAt = at
      d.mail[key].failureReason = reason
    },
  )
  return false
}

function deliver(ctx: SimContext, index: number, which: 'id' | 'password'): void {
  const { at } = ctx
  const key = which === 'id' ? 'idMail' : 'passwordMail'
  ctx.store.commit(
    index,
    at,
    { type: which === 'id' ? 'id_mail.delivered' : 'password_mail.delivered' },
    (d) => {
      d.mail[key].status = 'delivered'
      d.mail[key].deliveredAt = at
    },
  )
}

export function login(ctx: SimContext, index: number, c: DemoContract): void {
  const { at, rng } = ctx
  if (c.progress.step !== 'a1_credentials' && c.progress.step !== 'a2_login') return
  if (!canLogIn(c) || c.mail.passwordExpiredAt !== null) return
  if (c.mail.passwordMail.status === 'suppressed_existing' && rng.chance(PASSWORD_EXPIRED)) {
    ctx.store.commit(index, at, { type: 'password.expired' }, (d) => {
      reachStep(d, 'a2_login', at)
      d.mail.passwordExpiredAt = at
      touch(d, at)
    })
    return
  }
  ctx.store.commit(index, at, { type: 'login' }, (d) => {
    reachStep(d, 'a2_login', at)
    d.mail.firstLoginAt ??= at
    touch(d, at)
  })
  if (needsTempChange(c)) ctx.later(rng.int(30 * SECOND, 3 * MINUTE), index, 'tempChange')
  else if (rng.chance(0.7)) ctx.later(rng.int(30 * SECOND, 5 * MINUTE), index, 'procedureStart')
}

export function tempChange(ctx: SimContext, index: number): void {
  const { at, rng } = ctx
  const c = ctx.store.peek(index)
  if (c.progress.step !== 'a2_login' || !needsTempChange(c)) return
  ctx.store.commit(index, at, { type: 'temp_password.changed' }, (d) => {
    d.mail.tempPasswordChangedAt = at
    touch(d, at)
  })
  if (rng.chance(0.7)) ctx.later(rng.int(30 * SECOND, 5 * MINUTE), index, 'procedureStart')
}
