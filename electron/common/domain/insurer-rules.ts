import { TZDate } from '@date-fns/tz'
import { z } from 'zod'
import type { RenewalStatus } from './renewal'

/** Wall-clock time of day, "HH:MM", 24-hour. */
const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (00:00–23:59) で指定してください / use HH:MM')

/**
 * The timing rules one insurer publishes for its web procedure site. Kept as data so a
 * second insurer is a row, not a code change. Defaults are the ones in the seed flyer
 * (000): "満期日2日前の23:55まで", "お手続きサイト利用可能時間 6:00～翌4:00".
 */
export const InsurerRuleSet = z.object({
  /** IANA zone the insurer's clock runs in; every rule below is wall-clock in this zone. */
  timeZone: z.string().min(1),
  webCutoffDaysBeforeMaturity: z.number().int().min(0).max(90),
  webCutoffTime: TimeOfDay,
  siteClosedFrom: TimeOfDay,
  siteClosedUntil: TimeOfDay,
  /** How many days before maturity the insurer opens the renewal procedure online. */
  webWindowOpensDaysBeforeMaturity: z.number().int().min(1).max(365),
  /** Flow B: a MyPage provisional registration lapses after this many hours. */
  mypageProvisionalTtlHours: z.number().int().min(1).max(168),
  mypageMaxContracts: z.number().int().min(1).max(50),
})
export type InsurerRuleSet = z.infer<typeof InsurerRuleSet>

export const SEED_RULE_SET: InsurerRuleSet = {
  timeZone: 'Asia/Tokyo',
  webCutoffDaysBeforeMaturity: 2,
  webCutoffTime: '23:55',
  siteClosedFrom: '04:00',
  siteClosedUntil: '06:00',
  webWindowOpensDaysBeforeMaturity: 60,
  mypageProvisionalTtlHours: 24,
  mypageMaxContracts: 5,
}

/** "YYYY-MM-DD", a calendar date with no time and no zone (as printed on a policy). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD で指定してください')
  .refine((s) => {
    const [y, m, d] = splitDate(s)
    const probe = new Date(Date.UTC(y, m - 1, d))
    return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
  }, '存在しない日付です / no such date')
export type CalendarDate = z.infer<typeof CalendarDate>

function splitDate(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number)
  return [y ?? NaN, m ?? NaN, d ?? NaN]
}

function splitTime(time: string): [number, number] {
  const [h, m] = time.split(':').map(Number)
  return [h ?? NaN, m ?? NaN]
}

/** The instant `daysBefore` calendar days before `date`, at `time`, on the wall clock of `zone`. */
function wallClockInstant(date: string, daysBefore: number, time: string, zone: string): Date {
  const [y, m, d] = splitDate(date)
  const [hh, mm] = splitTime(time)
  // TZDate normalises day underflow (1 March − 2 days → 27/28 Feb) like Date does.
  return new Date(new TZDate(y, m - 1, d - daysBefore, hh, mm, 0, 0, zone).getTime())
}

/**
 * Last moment the client can finish the renewal on the insurer's site. Computed on the
 * insurer's clock, so a PC set to another zone still gets the same instant.
 * Maturity 2027-04-01 with the seed rule → 2027-03-30 23:55 JST.
 */
export function webCutoff(maturityDate: string, rules: InsurerRuleSet): Date {
  return wallClockInstant(
    maturityDate,
    rules.webCutoffDaysBeforeMaturity,
    rules.webCutoffTime,
    rules.timeZone,
  )
}

/** First day the insurer accepts the online renewal for this maturity (00:00 insurer time). */
export function webWindowOpens(maturityDate: string, rules: InsurerRuleSet): Date {
  return wallClockInstant(
    maturityDate,
    rules.webWindowOpensDaysBeforeMaturity,
    '00:00',
    rules.timeZone,
  )
}

/** The cutoff itself is the last open minute: at 23:55:00 the client is already too late. */
export function isPastWebCutoff(now: Date, maturityDate: string, rules: InsurerRuleSet): boolean {
  return now.getTime() >= webCutoff(maturityDate, rules).getTime()
}

export type SiteStatus = { open: true } | { open: false; reopensAt: Date }

/**
 * Whether the insurer's site is up at `now` (its nightly closed hours, e.g. 04:00–06:00).
 * A window that wraps midnight (e.g. 23:00–01:00) is handled too.
 */
export function siteStatus(now: Date, rules: InsurerRuleSet): SiteStatus {
  const local = new TZDate(now.getTime(), rules.timeZone)
  const minutes = local.getHours() * 60 + local.getMinutes()
  const [fh, fm] = splitTime(rules.siteClosedFrom)
  const [uh, um] = splitTime(rules.siteClosedUntil)
  const from = fh * 60 + fm
  const until = uh * 60 + um
  const wraps = from > until
  const closed = wraps ? minutes >= from || minutes < until : minutes >= from && minutes < until
  if (!closed) return { open: true }
  const today = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`
  const reopensToday = wallClockInstant(today, 0, rules.siteClosedUntil, rules.timeZone)
  const reopensAt =
    reopensToday.getTime() > now.getTime()
      ? reopensToday
      : wallClockInstant(today, -1, rules.siteClosedUntil, rules.timeZone)
  return { open: false, reopensAt }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

export const URGENCY_BUCKETS = ['closed', 'd3', 'd7', 'd14', 'd30', 'later'] as const
export type UrgencyBucket = (typeof URGENCY_BUCKETS)[number]

const DAY_MS = 24 * 60 * 60 * 1000

/** Buckets from domain.md: web window closed / ≤3 days / ≤7 / ≤14 / ≤30 / later. */
export function urgencyBucket(now: Date, cutoff: Date): UrgencyBucket {
  const left = cutoff.getTime() - now.getTime()
  if (left <= 0) return 'closed'
  if (left <= 3 * DAY_MS) return 'd3'
  if (left <= 7 * DAY_MS) return 'd7'
  if (left <= 14 * DAY_MS) return 'd14'
  if (left <= 30 * DAY_MS) return 'd30'
  return 'later'
}

/**
 * The deadline only matters while the contract still needs renewing: a renewed, lapsed or
 * cancelled contract has no urgency (null), whatever its cutoff says.
 */
export function contractUrgency(
  now: Date,
  cutoff: Date,
  status: RenewalStatus,
): UrgencyBucket | null {
  return status === 'not_started' || status === 'in_progress' ? urgencyBucket(now, cutoff) : null
}
