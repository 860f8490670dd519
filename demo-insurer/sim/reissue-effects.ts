import { jstYear } from '../../demo-data/calendar'
import type { DemoContract } from '../../demo-data/index'
import type { ReissueFailureCode } from '../api-types'
import type { ReissueRecord } from '../reissues'
import type { SimContext } from './context'
import { deadlinesOf, openAt } from './deadlines'
import { provisional } from './flow-b'
import { MAIL_TRANSIT, REGISTER_DELAY, REISSUE_SEND_DELAY } from './rates'

/**
 * What a reissue does once accepted: a few simulated minutes later the insurer sends the
 * mail (or finds it cannot), then the mail is delivered or bounces like any other. The
 * outcome is both an event in the feed and the reissue's status at /v1/reissues/{id}.
 * A renewed contract fails with already_renewed here rather than at POST time, because
 * an agency's queued request may meet a renewal that happened while it was offline.
 */
export function acceptReissue(
  ctx: SimContext,
  record: ReissueRecord,
  schedule: (at: number) => void,
): void {
  const { at, rng } = ctx
  const event = {
    type: 'reissue.accepted' as const,
    reissueId: record.id,
    reissueKind: record.kind,
  }
  const corrected = record.correctedEmail
  if (corrected !== null) {
    ctx.store.commit(record.index, at, event, (d, entry) => {
      d.client.email = corrected
      entry.emailCorrected = true
    })
  } else {
    ctx.store.note(record.index, at, event)
  }
  schedule(at + rng.int(REISSUE_SEND_DELAY[0], REISSUE_SEND_DELAY[1]))
}

function refusal(c: DemoContract, record: ReissueRecord, at: number): ReissueFailureCode | null {
  if (c.renewalStatus === 'renewed') return 'already_renewed'
  if (c.renewalStatus === 'lapsed' || c.renewalStatus === 'cancelled') return 'not_applicable'
  // After the web cutoff a new mail cannot lead anywhere: only the agency can renew.
  if (at >= deadlinesOf(c.maturityDate).cutoffAt) return 'not_applicable'
  if (record.kind === 'mypage_registration_mail') {
    if (c.flow !== 'B') return 'not_applicable'
    const { status } = c.mail.mypage
    return status === 'provisional' || status === 'expired' ? null : 'not_applicable'
  }
  if (c.flow !== 'A') return 'not_applicable'
  // Nothing to resend before the client has asked for credentials.
  return c.progress.step === 'none' ? 'not_applicable' : null
}

export function sendReissue(
  ctx: SimContext,
  record: ReissueRecord,
  schedule: (at: number) => void,
): void {
  const { at, rng } = ctx
  const c = ctx.store.peek(record.index)
  const refused = refusal(c, record, at)
  if (refused !== null) return fail(ctx, record, refused)
  const fresh = {
    status: 'sent' as const,
    sentAt: at,
    deliveredAt: null,
    failedAt: null,
    failureReason: null,
  }
  if (record.kind === 'id_mail') {
    ctx.store.commit(record.index, at, { type: 'id_mail.sent' }, (d) => {
      d.mail.idMail = { ...fresh }
    })
  } else if (record.kind === 'password') {
    ctx.store.commit(record.index, at, { type: 'password_mail.sent' }, (d) => {
      d.mail.passwordMail = { ...fresh }
      d.mail.credentialsIssuedYear = jstYear(at)
    })
  }
  schedule(at + rng.int(MAIL_TRANSIT[0], MAIL_TRANSIT[1]))
}

export function settleReissue(ctx: SimContext, record: ReissueRecord): void {
  const { at, rng } = ctx
  const { index } = record
  const c = ctx.store.peek(index)
  const refused = refusal(c, record, at)
  if (refused !== null) return fail(ctx, record, refused)
  const reason = ctx.mailVerdict(index, c)
  if (record.kind === 'mypage_registration_mail') {
    if (reason !== null) return fail(ctx, record, bounceCode(reason))
    provisional(ctx, index)
    const when = openAt(at + rng.int(REGISTER_DELAY[0], REGISTER_DELAY[1]))
    if (rng.chance(0.6)) ctx.laterAt(when, index, 'register', at)
    return complete(ctx, record)
  }
  const key = record.kind === 'id_mail' ? 'idMail' : 'passwordMail'
  const prefix = record.kind === 'id_mail' ? 'id_mail' : 'password_mail'
  if (c.mail[key].status === 'sent') {
    if (reason !== null) {
      ctx.store.commit(index, at, { type: `${prefix}.bounced`, reason }, (d) => {
        d.mail[key].status = 'bounced'
        d.mail[key].failedAt = at
        d.mail[key].failureReason = reason
      })
      return fail(ctx, record, bounceCode(reason))
    }
    ctx.store.commit(index, at, { type: `${prefix}.delivered` }, (d) => {
      d.mail[key].status = 'delivered'
      d.mail[key].deliveredAt = at
      if (key === 'passwordMail') {
        // A new temporary password: the expired one no longer matters; it must be changed.
        d.mail.passwordExpiredAt = null
        d.mail.tempPasswordChangedAt = null
      }
    })
  }
  complete(ctx, record)
}

function bounceCode(reason: string): ReissueFailureCode {
  if (reason === 'invalid_address') return 'bounced_invalid_address'
  if (reason === 'carrier_filter') return 'bounced_carrier_filter'
  return 'bounced_mailbox_full'
}

function fail(ctx: SimContext, record: ReissueRecord, code: ReissueFailureCode): void {
  record.status = 'failed'
  record.completedAt = ctx.at
  record.failureCode = code
  ctx.store.note(record.index, ctx.at, {
    type: 'reissue.failed',
    reissueId: record.id,
    reissueKind: record.kind,
    failureCode: code,
  })
}

function complete(ctx: SimContext, record: ReissueRecord): void {
  record.status = 'completed'
  record.completedAt = ctx.at
  ctx.store.note(record.index, ctx.at, {
    type: 'reissue.completed',
    reissueId: record.id,
    reissueKind: record.kind,
  })
}
