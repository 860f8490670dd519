import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

/** Every time the app shows is Japan time, whatever zone the PC is set to. */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo'

const JST_OFFSET_MS = 9 * 60 * 60 * 1000

/** The date-fns tokens the app's patterns use; formatted here without the zone library. */
const WALL_CLOCK_TOKENS = /yyyy|MM|M|dd|d|HH|mm/g
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * e.g. "2027-03-30 23:55" — formatted on the Japan wall clock. Patterns made of
 * WALL_CLOCK_TOKENS are formatted from the UTC fields of the instant moved by +09:00 (Japan
 * has no daylight saving): the zone-aware path cost ~10 µs a call, and lists word every row.
 * Any other pattern goes through date-fns with the Asia/Tokyo zone.
 */
export function formatJst(instant: Date | number | string, pattern = 'yyyy-MM-dd HH:mm'): string {
  const ms = new Date(instant).getTime()
  if (/[A-Za-z]/.test(pattern.replace(WALL_CLOCK_TOKENS, ''))) {
    return format(new TZDate(ms, JAPAN_TIME_ZONE), pattern)
  }
  const wall = new Date(ms + JST_OFFSET_MS)
  const fields: Record<string, string> = {
    yyyy: String(wall.getUTCFullYear()),
    MM: pad(wall.getUTCMonth() + 1),
    M: String(wall.getUTCMonth() + 1),
    dd: pad(wall.getUTCDate()),
    d: String(wall.getUTCDate()),
    HH: pad(wall.getUTCHours()),
    mm: pad(wall.getUTCMinutes()),
  }
  return pattern.replace(WALL_CLOCK_TOKENS, (token) => fields[token]!)
}

/**
 * ISO 8601 with the +09:00 offset, for the API, scripts and exports. Japan has kept a fixed
 * +09:00 with no daylight saving since 1951, so plain arithmetic is exact here — and it runs
 * for every row of every list page, where a zone-aware formatter was the slowest step.
 */
export function toJstIso(instant: Date | number | string): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime()
  let iso = recentIsos.get(ms)
  if (iso === undefined) {
    iso = `${new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`
    if (recentIsos.size >= RECENT_ISO_LIMIT) recentIsos.clear()
    recentIsos.set(ms, iso)
  }
  return iso
}

/**
 * Web cutoffs fall on a few hundred instants a year (23:55 on some day), so a list page's
 * 200 rows share a handful: remembering them made formatting a page's cutoffs ~5× cheaper
 * (0.25 → 0.05 ms, of a ~2–3 ms first page at 1M contracts). Bounded; emptied when full, as
 * the instants of other callers (event times) rarely repeat.
 */
const RECENT_ISO_LIMIT = 4096
const recentIsos = new Map<number, string>()

/** Today's calendar date in Japan, "YYYY-MM-DD". */
export function jstToday(now: Date): string {
  return formatJst(now, 'yyyy-MM-dd')
}
