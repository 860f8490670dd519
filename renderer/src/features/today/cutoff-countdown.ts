import { formatJst } from '../../../../electron/common/domain/japan-time'
import {
  calendarDaysBetween,
  jstDateOf,
  jstTimeOf,
} from '../../../../electron/common/domain/jst-calendar'

const HOUR_MS = 60 * 60 * 1000

/** What the countdown says, in words chosen by the screen's language. */
export type Countdown =
  | { kind: 'days'; count: number }
  | { kind: 'hours'; count: number; time: string }
  | { kind: 'minutes'; count: number }
  | { kind: 'passed'; date: string }

/**
 * Time left to the web cutoff on the Japan calendar, as staff say it on the phone: whole
 * days while the cutoff is on a later Japan date (the same count as the stuck reason's
 * 「残りN日」), hours and the clock time on the day itself, minutes in the last hour.
 */
export function cutoffCountdown(cutoffIso: string, now: Date): Countdown {
  const cutoff = Date.parse(cutoffIso)
  const left = cutoff - now.getTime()
  if (left <= 0) return { kind: 'passed', date: formatJst(cutoff, 'M/d HH:mm') }
  const days = calendarDaysBetween(jstDateOf(now.getTime()), jstDateOf(cutoff))
  if (days >= 1) return { kind: 'days', count: days }
  if (left >= HOUR_MS)
    return { kind: 'hours', count: Math.floor(left / HOUR_MS), time: jstTimeOf(cutoff) }
  return { kind: 'minutes', count: Math.max(1, Math.ceil(left / 60_000)) }
}
