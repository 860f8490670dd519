const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export type Countdown =
  | { kind: 'days'; days: number; hours: number }
  | { kind: 'hours'; hours: number; minutes: number }
  | { kind: 'minutes'; minutes: number; seconds: number }
  | { kind: 'passed' }

/**
 * Time left until the web deadline, in the two largest units that matter: days and hours
 * a week out, minutes and seconds in the last hour. Rounded down, so "0分" never shows
 * while the window is still open and the text never promises more time than there is.
 */
export function countdown(cutoffMs: number, nowMs: number): Countdown {
  const left = cutoffMs - nowMs
  if (left <= 0) return { kind: 'passed' }
  if (left >= DAY)
    return { kind: 'days', days: Math.floor(left / DAY), hours: Math.floor((left % DAY) / HOUR) }
  if (left >= HOUR)
    return {
      kind: 'hours',
      hours: Math.floor(left / HOUR),
      minutes: Math.floor((left % HOUR) / MINUTE),
    }
  return {
    kind: 'minutes',
    minutes: Math.floor(left / MINUTE),
    seconds: Math.floor((left % MINUTE) / SECOND),
  }
}
