import { toJstIso } from './japan-time'

const DAY_MS = 24 * 60 * 60 * 1000

/** The Japan calendar date of an instant, 'YYYY-MM-DD' (staff count days in Japan time). */
export function jstDateOf(instant: number): string {
  return toJstIso(instant).slice(0, 10)
}

/** "HH:MM" of an instant on the Japan wall clock. */
export function jstTimeOf(instant: number): string {
  return toJstIso(instant).slice(11, 16)
}

/**
 * Whole calendar days from one 'YYYY-MM-DD' to another; negative when `to` is earlier.
 * "残り2日" means two midnights in Japan, not 48 hours, so this counts dates, not time.
 */
export function calendarDaysBetween(from: string, to: string): number {
  // Date.parse reads a bare ISO date as UTC midnight, so the difference is whole days.
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS)
}
