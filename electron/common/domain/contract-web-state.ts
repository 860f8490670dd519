import type {
  BounceReason,
  Flow,
  MailStatus,
  MismatchField,
  MypageStatus,
  PasswordMailStatus,
  ProcedureScreen,
  RenewalChannel,
  RenewalStatus,
  RenewalStep,
} from './renewal'

/**
 * What the staff workspace knows about one contract's online renewal: the columns of
 * contracts, credential_mail_state and renewal_progress (db/schema.ts) in domain terms.
 * Instants are epoch milliseconds, as stored; calendar dates are 'YYYY-MM-DD'. The shape
 * of `mail` and `progress` matches the demo book's, so its contracts map over directly.
 */
export interface ContractWebState {
  flow: Flow
  renewalStatus: RenewalStatus
  renewalChannel: RenewalChannel | null
  maturityDate: string
  /** contracts.web_cutoff_at: the last instant the client can finish online. */
  webCutoffAt: number
  mail: CredentialMailState
  progress: RenewalProgressState
}

export interface MailEvent<S extends string> {
  status: S
  sentAt: number | null
  deliveredAt: number | null
  failedAt: number | null
  failureReason: BounceReason | null
}

export interface CredentialMailState {
  idMail: MailEvent<MailStatus>
  passwordMail: MailEvent<PasswordMailStatus>
  /** Year the login credentials were first issued; earlier than now means no password mail. */
  credentialsIssuedYear: number | null
  firstLoginAt: number | null
  tempPasswordChangedAt: number | null
  passwordExpiredAt: number | null
  mypage: MypageState
}

export interface MypageState {
  status: MypageStatus
  provisionalAt: number | null
  provisionalExpiresAt: number | null
  registeredAt: number | null
  failedAt: number | null
  mismatchField: MismatchField | null
}

export interface RenewalProgressState {
  step: RenewalStep
  stepReachedAt: number | null
  screen: ProcedureScreen | null
  screenReachedAt: number | null
  startedAt: number | null
  completedAt: number | null
  lastActivityAt: number | null
}

/** Only these still need someone to act; renewed, lapsed and cancelled are settled. */
export function isOpenForRenewal(status: RenewalStatus): boolean {
  return status === 'not_started' || status === 'in_progress'
}

/** Steps that mean the renewal itself is done (later steps are optional extras). */
export const COMPLETED_STEPS: ReadonlySet<RenewalStep> = new Set([
  'a4_completed',
  'a5_mypage',
  'b5_completed',
])

/**
 * The client hit an expired password and has not got past it: no login and no new password
 * mail since. (The client can reset it on the login screen, which the insurer reports as a
 * later login.)
 */
export function passwordExpiryUnresolved(mail: CredentialMailState): boolean {
  const expiredAt = mail.passwordExpiredAt
  if (expiredAt === null) return false
  const loggedInSince = (mail.firstLoginAt ?? 0) > expiredAt
  const newPasswordSince = (mail.passwordMail.deliveredAt ?? 0) > expiredAt
  return !loggedInSince && !newPasswordSince
}
