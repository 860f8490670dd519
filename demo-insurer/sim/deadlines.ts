import {
  SEED_RULE_SET,
  siteStatus,
  webCutoff,
  webWindowOpens,
} from '../../electron/common/domain/insurer-rules'
import { DAY, HOUR, jstMinuteOfDay } from '../../demo-data/calendar'

export interface Deadlines {
  opensAt: number
  cutoffAt: number
  /** 00:00 JST on the maturity date. */
  maturityAt: number
}

const cache = new Map<string, Deadlines>()

/** Per maturity date; a book spans ~200 dates, so the zone maths runs ~200 times, not per visit. */
export function deadlinesOf(maturityDate: string): Deadlines {
  let found = cache.get(maturityDate)
  if (!found) {
    const opensAt = webWindowOpens(maturityDate, SEED_RULE_SET).getTime()
    const cutoffAt = webCutoff(maturityDate, SEED_RULE_SET).getTime()
    // Japan has no daylight saving, so a fixed +09:00 is exact.
    const maturityAt = Date.parse(`${maturityDate}T00:00:00+09:00`)
    found = { opensAt, cutoffAt, maturityAt }
    cache.set(maturityDate, found)
  }
  return found
}

/** When the insurer's site is open again (t itself when it is open). */
export function openAt(t: number): number {
  const status = siteStatus(new Date(t), SEED_RULE_SET)
  return status.open ? t : status.reopensAt.getTime()
}

export function isSiteOpen(t: number): boolean {
  return siteStatus(new Date(t), SEED_RULE_SET).open
}

/** Agency staff renew by phone or visit during office hours (09:00–18:00 JST). */
export function isOfficeHours(t: number): boolean {
  const minute = jstMinuteOfDay(t)
  return minute >= 9 * 60 && minute < 18 * 60
}

export { DAY, HOUR }
