import type { StuckCode, StuckReason } from './stuck-reasons'

/**
 * The groups of the メール未着・登録エラー screen (issue 5, screen 3): each one a kind of
 * credential trouble that staff fix the same way. They are named by the stuck-reason codes
 * of stuck-reasons.ts, which alone decide whether (and since when) a contract is stuck.
 */
export const TRIAGE_CATEGORIES = [
  'password_mail_missing',
  'no_mail',
  'bounced',
  'password_suppressed',
  'provisional_expired',
  'registration_mismatch',
  'wrong_policy_number',
] as const
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number]

/**
 * Which reason codes fall in each group. "No mail" also takes the ID mail alone missing
 * (the password mail came, or none was due): the client's fix is the same, a resent ID mail.
 */
export const TRIAGE_CATEGORY_CODES: Record<TriageCategory, readonly StuckCode[]> = {
  password_mail_missing: ['password_mail_missing'],
  no_mail: ['no_mail_arrived', 'id_mail_missing'],
  bounced: ['mail_bounced'],
  password_suppressed: ['password_suppressed_earlier_year'],
  provisional_expired: ['provisional_expired'],
  registration_mismatch: ['registration_mismatch'],
  wrong_policy_number: ['wrong_policy_number'],
}

const CATEGORY_OF_CODE: ReadonlyMap<StuckCode, TriageCategory> = new Map(
  TRIAGE_CATEGORIES.flatMap((category) =>
    TRIAGE_CATEGORY_CODES[category].map((code) => [code, category] as const),
  ),
)

/** The triage group of a reason, or null for reasons this screen leaves to today's list. */
export function triageCategoryOf(reason: StuckReason): TriageCategory | null {
  return CATEGORY_OF_CODE.get(reason.code) ?? null
}
