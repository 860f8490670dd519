import {
  webCutoff,
  webWindowOpens,
  type InsurerRuleSet,
} from '../electron/common/domain/insurer-rules'

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
/** Japan has had no daylight saving since 1951, so a fixed offset is exact here. */
const JST_OFFSET = 9 * HOUR

/** The first maturity offset (days from today, Japan time) in the book: recently lapsed. */
export const FIRST_MATURITY_OFFSET = -10
/** About six months ahead. */
export const LAST_MATURITY_OFFSET = 185

/** One possible maturity date, with the instants every scenario needs precomputed. */
export interface MaturitySlot {
  /** Days from today (Japan time); negative = already matured. */
  offset: number
  maturityDate: string
  inceptionDate: string
  /** 00:00 JST on the maturity date. */
  maturityStartsAt: number
  windowOpensAt: number
  cutoffAt: number
}

export function isoDateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10)
}

/** Days since 1970-01-01 of the calendar date it is in Japan at `instant`. */
export function jstDayNumber(instant: number): number {
  return Math.floor((instant + JST_OFFSET) / DAY)
}

export function jstYear(instant: number): number {
  return new Date(instant + JST_OFFSET).getUTCFullYear()
}

/** Minutes since 00:00 on the Japan wall clock. */
export function jstMinuteOfDay(instant: number): number {
  return Math.floor(((((instant + JST_OFFSET) % DAY) + DAY) % DAY) / MINUTE)
}

/** The policy year before: same month and day, 29 Feb falling back to 28 Feb. */
export function oneYearBefore(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0')
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5)
  return `${year}-${monthDay}`
}

/**
 * Every maturity date the book can hold, for one rule set. Uses the app's own webCutoff()
 * and webWindowOpens() (so the seeded web_cutoff_at agrees with the app) but only ~200
 * times, not once per contract.
 */
export function maturitySlots(now: number, rules: InsurerRuleSet): MaturitySlot[] {
  const today = jstDayNumber(now)
  const slots: MaturitySlot[] = []
  for (let offset = FIRST_MATURITY_OFFSET; offset <= LAST_MATURITY_OFFSET; offset++) {
    const maturityDate = isoDateOfDayNumber(today + offset)
    slots.push({
      offset,
      maturityDate,
      inceptionDate: oneYearBefore(maturityDate),
      maturityStartsAt: (today + offset) * DAY - JST_OFFSET,
      windowOpensAt: webWindowOpens(maturityDate, rules).getTime(),
      cutoffAt: webCutoff(maturityDate, rules).getTime(),
    })
  }
  return slots
}
