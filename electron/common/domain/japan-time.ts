import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

/** Every time the app shows is Japan time, whatever zone the PC is set to. */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo'

/** e.g. "2027-03-30 23:55" — formatted on the Japan wall clock. */
export function formatJst(instant: Date | number | string, pattern = 'yyyy-MM-dd HH:mm'): string {
  return format(new TZDate(new Date(instant).getTime(), JAPAN_TIME_ZONE), pattern)
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000

/**
 * ISO 8601 with the +09:00 offset, for the API, scripts and exports. Japan has kept a fixed
 * +09:00 with no daylight saving since 1951, so plain arithmetic is exact here — and it runs
 * for every row of every list page, where a zone-aware formatter was the slowest step.
 */
export function toJstIso(instant: Date | number | string): string {
  const ms = new Date(instant).getTime()
  return `${new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`
}

/** Today's calendar date in Japan, "YYYY-MM-DD". */
export function jstToday(now: Date): string {
  return formatJst(now, 'yyyy-MM-dd')
}
