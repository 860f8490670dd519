import { z } from 'zod'
import { URGENCY_BUCKETS } from '../domain/insurer-rules'
import { Flow } from '../domain/renewal'
import { STUCK_CODES } from '../domain/stuck-reasons'
import { TRIAGE_CATEGORIES } from '../domain/triage-categories'

/**
 * `triage:list` (メール未着・登録エラー): the contracts whose client is stuck on the
 * credential mails or the MyPage registration, grouped as in domain/triage-categories.ts.
 * Kept beside contract.ts so the shared contract file only names the channel.
 */

export const TriageCategory = z.enum(TRIAGE_CATEGORIES)
export type TriageCategory = z.infer<typeof TriageCategory>

export { WORK_SCOPES as TRIAGE_SCOPES, WorkScope as TriageScope } from './work-scope'
import { WorkScope as TriageScope } from './work-scope'

export const TriageListInput = z
  .object({
    scope: TriageScope,
    /** The group whose rows to return; without it, the first group that has any. */
    category: TriageCategory.optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
export type TriageListInput = z.input<typeof TriageListInput>

/** The same words in both UI languages, so switching language needs no new request. */
export const Bilingual = z.object({ ja: z.string(), en: z.string() })
export type Bilingual = z.infer<typeof Bilingual>

export const TriageRow = z.object({
  contractId: z.number().int(),
  policyNumber: z.string(),
  clientName: z.string(),
  clientKana: z.string(),
  insurerName: z.string(),
  staffName: z.string().nullable(),
  flow: Flow,
  reasonCode: z.enum(STUCK_CODES),
  /** e.g. 「IDメール・パスワードメール不達（携帯キャリアの受信拒否）」 */
  reason: Bilingual,
  /** What staff should do, and tell the client, next. */
  nextAction: Bilingual,
  /** ISO with +09:00: when the trouble began; null when the insurer did not say. */
  since: z.string().nullable(),
  /** How long it has lasted at `asOf`, in milliseconds; null with `since`. */
  elapsedMs: z.number().int().nullable(),
  /** ISO with +09:00: the last instant the client can finish online. */
  webCutoffAt: z.string(),
  urgency: z.enum(URGENCY_BUCKETS),
  /** The deadline's own warning (cutoff near or passed, maturity passed), if any. */
  deadline: Bilingual.nullable(),
})
export type TriageRow = z.infer<typeof TriageRow>

export const TriageList = z.object({
  scope: TriageScope,
  /** The group the rows belong to. */
  category: TriageCategory,
  /** Stuck contracts per group, in scope (every group is present, zero included). */
  counts: z.record(TriageCategory, z.number().int()),
  /** Open web windows first, nearest cutoff first, closed ones last; at most `limit`. */
  rows: z.array(TriageRow),
  /** ISO with +09:00: the instant the reasons were worked out for. */
  asOf: z.string(),
})
export type TriageList = z.infer<typeof TriageList>

/** Spread into apiContract (contract.ts). */
export const triageChannels = {
  /** Counts per triage group in scope, and the rows of one group. Needs a signed-in staff member for mine/branch. */
  'triage:list': { input: TriageListInput, output: TriageList },
} as const
