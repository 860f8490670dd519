import { z } from 'zod'

/**
 * Vocabulary of the two online renewal flows in domain.md. The database migrations copy
 * these lists into CHECK constraints on purpose (migrations never import app code), so
 * adding a value means a new migration too.
 */

/** A: ID mail + password mail (seed 000). B: MyPage registration, then Clickar (seed 003). */
export const FLOWS = ['A', 'B'] as const
export const Flow = z.enum(FLOWS)
export type Flow = z.infer<typeof Flow>

export const FLOW_A_STEPS = [
  'a1_credentials',
  'a2_login',
  'a3_procedure',
  'a4_completed',
  'a5_mypage',
] as const
export const FLOW_B_STEPS = [
  'b1_signup',
  'b2_provisional',
  'b3_registered',
  'b4_procedure',
  'b5_completed',
] as const
export const RENEWAL_STEPS = ['none', ...FLOW_A_STEPS, ...FLOW_B_STEPS] as const
export const RenewalStep = z.enum(RENEWAL_STEPS)
export type RenewalStep = z.infer<typeof RenewalStep>

/** The screens of STEP③ (flow A) and of the Clickar procedure (flow B), in order. */
export const PROCEDURE_SCREENS = [
  'select_contract',
  'confirmations',
  'vehicle',
  'parties',
  'quote_plan',
  'intent_apply',
  'formed',
] as const
export const ProcedureScreen = z.enum(PROCEDURE_SCREENS)
export type ProcedureScreen = z.infer<typeof ProcedureScreen>

export const RENEWAL_STATUSES = [
  'not_started',
  'in_progress',
  'renewed',
  'lapsed',
  'cancelled',
] as const
export const RenewalStatus = z.enum(RENEWAL_STATUSES)
export type RenewalStatus = z.infer<typeof RenewalStatus>

export const RENEWAL_CHANNELS = ['web', 'agency'] as const
export const RenewalChannel = z.enum(RENEWAL_CHANNELS)
export type RenewalChannel = z.infer<typeof RenewalChannel>

export const MAIL_STATUSES = ['not_sent', 'sent', 'delivered', 'bounced'] as const
export const MailStatus = z.enum(MAIL_STATUSES)
export type MailStatus = z.infer<typeof MailStatus>

/** Password mail adds "suppressed": credentials from an earlier year, so none is sent. */
export const PASSWORD_MAIL_STATUSES = [...MAIL_STATUSES, 'suppressed_existing'] as const
export const PasswordMailStatus = z.enum(PASSWORD_MAIL_STATUSES)
export type PasswordMailStatus = z.infer<typeof PasswordMailStatus>

export const BOUNCE_REASONS = [
  'invalid_address',
  'mailbox_full',
  'carrier_filter',
  'unknown',
] as const
export const BounceReason = z.enum(BOUNCE_REASONS)
export type BounceReason = z.infer<typeof BounceReason>

export const MYPAGE_STATUSES = [
  'not_started',
  'provisional',
  'expired',
  'mismatch',
  'wrong_policy_number',
  'registered',
] as const
export const MypageStatus = z.enum(MYPAGE_STATUSES)
export type MypageStatus = z.infer<typeof MypageStatus>

export const MISMATCH_FIELDS = ['name', 'address', 'birth_date', 'phone'] as const
export const MismatchField = z.enum(MISMATCH_FIELDS)
export type MismatchField = z.infer<typeof MismatchField>

export const REISSUE_KINDS = ['id_mail', 'password', 'mypage_registration_mail'] as const
export const ReissueKind = z.enum(REISSUE_KINDS)
export type ReissueKind = z.infer<typeof ReissueKind>

export const OUTBOX_STATES = [
  'queued',
  'sending',
  'accepted',
  'completed',
  'failed',
  'outcome_unknown',
  'needs_confirmation',
  'cancelled',
] as const
export const OutboxState = z.enum(OUTBOX_STATES)
export type OutboxState = z.infer<typeof OutboxState>

export const STAFF_ROLES = ['staff', 'manager'] as const
export const StaffRole = z.enum(STAFF_ROLES)
export type StaffRole = z.infer<typeof StaffRole>
