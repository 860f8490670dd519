import { z } from 'zod'
import { URGENCY_BUCKETS } from '../domain/insurer-rules'
import { Flow } from '../domain/renewal'
import { SEVERITIES, STUCK_CODES } from '../domain/stuck-reasons'

/**
 * Schemas of 今日の対応 (today's call list): the contracts to call today, most urgent first,
 * each with why (the stuck reasons, worded by the core in both languages at its own clock)
 * and what to do next.
 */

export { WORK_SCOPES as TODAY_SCOPES, WorkScope as TodayScope } from './work-scope'
import { WorkScope as TodayScope } from './work-scope'

/** A day's work for one person is a few dozen calls; more than this is a backlog to filter. */
export const TODAY_LIST_MAX_ROWS = 500

export const TodayListInput = z
  .object({
    /** mine = contracts in my charge; branch = my branch's; all = the whole agency. */
    scope: TodayScope,
    limit: z.number().int().min(1).max(TODAY_LIST_MAX_ROWS).default(TODAY_LIST_MAX_ROWS),
  })
  .strict()
export type TodayListInput = z.input<typeof TodayListInput>

const Words = z.object({ ja: z.string(), en: z.string() })

export const TodayReason = z.object({
  code: z.enum(STUCK_CODES),
  severity: z.enum(SEVERITIES),
  text: Words,
  nextAction: Words,
  /** When the stuck condition began (ISO with +09:00); null for deadline reasons. */
  since: z.string().nullable(),
})
export type TodayReason = z.infer<typeof TodayReason>

export const TodayRow = z.object({
  /** 1-based position in today's ranking. */
  rank: z.number().int(),
  contractId: z.number().int(),
  policyNumber: z.string(),
  insurerName: z.string(),
  flow: Flow,
  clientName: z.string(),
  clientKana: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  maturityDate: z.string(),
  /** ISO 8601 with +09:00: the instant the insurer's web procedure closes. */
  webCutoffAt: z.string(),
  urgency: z.enum(URGENCY_BUCKETS),
  /** Most severe first; never empty. */
  reasons: z.array(TodayReason),
})
export type TodayRow = z.infer<typeof TodayRow>

export const TodayList = z.object({
  scope: TodayScope,
  /** The instant the ranking was computed for (ISO with +09:00). */
  asOf: z.string(),
  rows: z.array(TodayRow),
  /**
   * More are due than rows holds (the list stopped at `limit`). How many in all is
   * today:counts' number for the scope — counted once, in its own call, not again here:
   * counting a whole 1M book is most of the list's time, and the switcher asks anyway.
   */
  truncated: z.boolean(),
})
export type TodayList = z.infer<typeof TodayList>

export const TodayCountsInput = z.object({}).strict()

/** How many contracts are due today in each scope, for the scope switcher. */
export const TodayCounts = z.object({
  asOf: z.string(),
  counts: z.object({
    mine: z.number().int(),
    branch: z.number().int(),
    all: z.number().int(),
  }),
})
export type TodayCounts = z.infer<typeof TodayCounts>

export const todayChannels = {
  /** Today's call list for the signed-in staff member (scope relative to them). */
  'today:list': { input: TodayListInput, output: TodayList },
  /**
   * The number due in every scope at once. Its own call, not part of the list: counting a
   * whole 1M book takes ~15 ms, and the list should not wait for the other scopes' numbers.
   */
  'today:counts': { input: TodayCountsInput, output: TodayCounts },
} as const
