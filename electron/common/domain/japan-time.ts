import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

/** Every time the app shows is Japan time, whatever zone the PC is set to. */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo'

/** e.g. "2027-03-30 23:55" — formatted on the Japan wall clock. */
export function formatJst(instant: Date | number | string, pattern = 'yyyy-MM-dd HH:mm'): string {
  return format(new TZDate(new Date(instant).getTime(), JAPAN_TIME_ZONE), pattern)
}

/** ISO 8601 with the +09:00 offset, for scripts and exports. */
export function toJstIso(instant: Date | number | string): string {
  return format(
    new TZDate(new Date(instant).getTime(), JAPAN_TIME_ZONE),
    "yyyy-MM-dd'T'HH:mm:ssxxx",
  )
}

/** Today's calendar date in Japan, "YYYY-MM-DD". */
export function jstToday(now: Date): string {
  return formatJst(now, 'yyyy-MM-dd')
}
