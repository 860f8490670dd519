import { z } from 'zod'
import { CalendarDate, URGENCY_BUCKETS } from '../domain/insurer-rules'
import { FLOWS, MYPAGE_STATUSES, RENEWAL_STEPS } from '../domain/renewal'

/**
 * Filters of the contract list (契約一覧), shared by contracts:list, saved views and the
 * CLI. Every list filter is "any of": an empty list is refused rather than silently
 * matching nothing. Ids are short opaque strings from the book (insurer, branch, staff).
 */

/** Credential-mail situations staff filter by (derived from credential_mail_state). */
export const MAIL_FILTERS = [
  'id_not_sent',
  'awaiting_password',
  'password_delivered',
  'bounced',
  'suppressed_existing',
] as const
export type MailFilter = (typeof MAIL_FILTERS)[number]

/** pending: a reissue may still reach the insurer; failed: one failed or waits for staff. */
export const OUTBOX_FILTERS = ['pending', 'failed', 'none'] as const
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number]

const Id = z.string().trim().min(1).max(64)
const anyOf = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(50)

/** 'me' stands for the signed-in staff member; the core resolves it. */
export const STAFF_ME = 'me'

export const SEARCH_MAX_LENGTH = 100

export const ContractFilters = z
  .object({
    insurer: anyOf(Id).optional(),
    branch: anyOf(Id).optional(),
    staff: anyOf(Id).optional(),
    maturityFrom: CalendarDate.optional(),
    maturityTo: CalendarDate.optional(),
    urgency: anyOf(z.enum(URGENCY_BUCKETS)).optional(),
    flow: z.enum(FLOWS).optional(),
    step: anyOf(z.enum(RENEWAL_STEPS)).optional(),
    mail: anyOf(z.enum(MAIL_FILTERS)).optional(),
    registration: anyOf(z.enum(MYPAGE_STATUSES)).optional(),
    outbox: z.enum(OUTBOX_FILTERS).optional(),
    /** Name (kanji or kana), policy number, phone or plate; normalised by the core. */
    search: z.string().max(SEARCH_MAX_LENGTH).optional(),
  })
  .strict()
  .refine((f) => !f.maturityFrom || !f.maturityTo || f.maturityFrom <= f.maturityTo, {
    message: '満期日の範囲が逆です（開始 ≦ 終了） / maturity range is reversed (from ≤ to)',
    path: ['maturityTo'],
  })
export type ContractFilters = z.infer<typeof ContractFilters>

export const CONTRACT_FILTER_KEYS = [
  'insurer',
  'branch',
  'staff',
  'maturityFrom',
  'maturityTo',
  'urgency',
  'flow',
  'step',
  'mail',
  'registration',
  'outbox',
  'search',
] as const satisfies ReadonlyArray<keyof ContractFilters>

/** True when no filter narrows the list (an empty or blank search counts as none). */
export function hasNoFilters(f: ContractFilters): boolean {
  return CONTRACT_FILTER_KEYS.every((k) =>
    k === 'search' ? !f.search || f.search.trim() === '' : f[k] === undefined,
  )
}
