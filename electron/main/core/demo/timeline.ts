import type { DemoContract } from '../../../../demo-data/types'

export interface DemoTimelineEvent {
  occurredAt: number
  source: 'insurer' | 'staff'
  kind: string
  /** Codes only (statuses, reasons, screen ids): the timeline never holds personal data. */
  detail: Record<string, string | number>
}

/**
 * The events the insurer would have reported for a contract, derived from its state. Kept
 * light on purpose: a renewed contract gets one event, one that never started gets none;
 * the full history is only written where staff need it — the stuck ones.
 */
export function demoTimeline(contract: DemoContract): DemoTimelineEvent[] {
  const { mail, progress } = contract
  const events: DemoTimelineEvent[] = []
  const add = (
    occurredAt: number | null,
    kind: string,
    detail: DemoTimelineEvent['detail'] = {},
  ) => {
    if (occurredAt !== null) events.push({ occurredAt, source: 'insurer', kind, detail })
  }

  if (contract.renewalStatus === 'renewed' && progress.completedAt !== null) {
    const channel = contract.renewalChannel ?? 'web'
    events.push({
      occurredAt: progress.completedAt,
      source: channel === 'agency' ? 'staff' : 'insurer',
      kind: 'renewal_completed',
      detail: { channel },
    })
    return events
  }

  const { idMail, passwordMail, mypage } = mail
  add(idMail.sentAt, 'id_mail_sent')
  add(idMail.deliveredAt, 'id_mail_delivered')
  add(idMail.failedAt, 'id_mail_bounced', { reason: idMail.failureReason ?? 'unknown' })
  if (passwordMail.status === 'suppressed_existing' && mail.credentialsIssuedYear !== null) {
    add(idMail.sentAt, 'password_mail_suppressed', {
      credentialsIssuedYear: mail.credentialsIssuedYear,
    })
  }
  add(passwordMail.sentAt, 'password_mail_sent')
  add(passwordMail.deliveredAt, 'password_mail_delivered')
  add(passwordMail.failedAt, 'password_mail_bounced', {
    reason: passwordMail.failureReason ?? 'unknown',
  })
  add(mail.firstLoginAt, 'first_login')
  add(mail.tempPasswordChangedAt, 'temp_password_changed')
  add(mail.passwordExpiredAt, 'password_expired')
  add(mypage.provisionalAt, 'mypage_provisional_registered')
  if (mypage.status === 'expired') add(mypage.provisionalExpiresAt, 'mypage_provisional_expired')
  if (mypage.failedAt !== null) {
    const detail: DemoTimelineEvent['detail'] = { status: mypage.status }
    if (mypage.mismatchField !== null) detail.field = mypage.mismatchField
    add(mypage.failedAt, 'mypage_registration_failed', detail)
  }
  if (mypage.registeredAt !== null && mypage.registeredAt >= (progress.startedAt ?? Infinity)) {
    add(mypage.registeredAt, 'mypage_registered')
  }
  if (progress.screen !== null)
    add(progress.screenReachedAt, 'procedure_screen', { screen: progress.screen })
  events.sort((a, b) => a.occurredAt - b.occurredAt)
  return events
}
