/**
 * One label per thing that happened, whoever reported it. The local demo book writes
 * snake_case kinds (`id_mail_sent`), the insurer's change feed dotted ones (`id_mail.sent`),
 * and the outbox its own (`reissue.queued`); staff should read the same words for the same
 * event. The labels are keys under `timeline.labels` in the renderer's messages.
 */
const LABEL_OF_KIND: Record<string, string> = {
  id_mail_sent: 'idMailSent',
  'id_mail.sent': 'idMailSent',
  id_mail_delivered: 'idMailDelivered',
  'id_mail.delivered': 'idMailDelivered',
  id_mail_bounced: 'idMailBounced',
  'id_mail.bounced': 'idMailBounced',
  password_mail_sent: 'passwordMailSent',
  'password_mail.sent': 'passwordMailSent',
  password_mail_delivered: 'passwordMailDelivered',
  'password_mail.delivered': 'passwordMailDelivered',
  password_mail_bounced: 'passwordMailBounced',
  'password_mail.bounced': 'passwordMailBounced',
  password_mail_suppressed: 'passwordMailSuppressed',
  'password_mail.suppressed': 'passwordMailSuppressed',
  first_login: 'login',
  login: 'login',
  temp_password_changed: 'tempPasswordChanged',
  'temp_password.changed': 'tempPasswordChanged',
  password_expired: 'passwordExpired',
  'password.expired': 'passwordExpired',
  mypage_provisional_registered: 'mypageProvisional',
  'mypage.provisional': 'mypageProvisional',
  mypage_provisional_expired: 'mypageExpired',
  'mypage.expired': 'mypageExpired',
  'mypage.mismatch': 'mypageMismatch',
  'mypage.wrong_policy_number': 'mypageWrongPolicyNumber',
  mypage_registered: 'mypageRegistered',
  'mypage.registered': 'mypageRegistered',
  procedure_screen: 'procedureScreen',
  'step.reached': 'stepReached',
  renewal_completed: 'renewalCompleted',
  'renewal.completed': 'renewalCompleted',
  lapsed: 'lapsed',
  // The insurer's word on a reissue, and the outbox's own record of sending it.
  'reissue.accepted': 'reissueAccepted',
  'reissue.completed': 'reissueCompleted',
  'reissue.failed': 'reissueFailed',
  'reissue.sent': 'reissueSent',
  'reissue.rejected': 'reissueRejected',
  'reissue.needs_confirmation': 'reissueNeedsConfirmation',
  'reissue.cancelled': 'reissueCancelled',
}

/** Staff actions recorded only in the audit log (notes and reissues have their own rows). */
const LABEL_OF_AUDIT_ACTION: Record<string, string> = {
  'followUp.set': 'followUpSet',
  'followUp.clear': 'followUpCleared',
  'contract.reassign': 'reassigned',
}

export const AUDIT_TIMELINE_ACTIONS = Object.keys(LABEL_OF_AUDIT_ACTION)

/** The fields of detail_json that are codes, counts or dates; anything else is dropped. */
const PARAM_KEYS = [
  'reason',
  'step',
  'screen',
  'mismatchField',
  'field',
  'status',
  'channel',
  'renewedPolicyNumber',
  'reissueKind',
  'failureCode',
  'code',
  'credentialsIssuedYear',
  'attempts',
  'dueDate',
  'fromState',
  'fromStaffId',
  'toStaffId',
] as const

export type TimelineParamValue = string | number | boolean

export function labelOfEventKind(kind: string, detail: Record<string, unknown>): string {
  // The demo book records both registration failures under one kind, told apart by status.
  if (kind === 'mypage_registration_failed') {
    return detail.status === 'wrong_policy_number' ? 'mypageWrongPolicyNumber' : 'mypageMismatch'
  }
  return LABEL_OF_KIND[kind] ?? 'unknown'
}

export function labelOfAuditAction(action: string): string {
  return LABEL_OF_AUDIT_ACTION[action] ?? 'unknown'
}

/** Parses detail_json and keeps the known code fields; a broken row gives no parameters. */
export function timelineParams(detailJson: string): Record<string, TimelineParamValue> {
  let detail: unknown
  try {
    detail = JSON.parse(detailJson)
  } catch {
    return {}
  }
  if (detail === null || typeof detail !== 'object') return {}
  const params: Record<string, TimelineParamValue> = {}
  for (const key of PARAM_KEYS) {
    const value = (detail as Record<string, unknown>)[key]
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      params[key] = value
  }
  // The demo book says `field`, the feed `mismatchField`: one name for the renderer.
  if (params.field !== undefined && params.mismatchField === undefined) {
    params.mismatchField = params.field
    delete params.field
  }
  return params
}
