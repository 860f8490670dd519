import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DUE_ALWAYS,
  MAX_SCHEDULE_PIECES,
  scheduledStuck,
  todayDueFrom,
  todaySchedule,
} from '../../../electron/common/domain/today-schedule'
import { isDueToday, todayPriority } from '../../../electron/common/domain/today-ranking'
import { anyNow, anyWebState, CUTOFF, DAY, HOUR, jst, webState } from './web-state-fixture'

/**
 * todayDueFrom() is stored per contract and read instead of isDueToday() over the whole book,
 * so the two must never disagree: a client missing from today's list is a missed call.
 */
describe('todaySchedule: when a contract is due today, and how stuck from when on', () => {
  it('agrees with isDueToday for any state at any instant', () => {
    fc.assert(
      fc.property(anyWebState, anyNow, (state, now) => {
        const due = todayDueFrom(state)
        expect(isDueToday(state, now)).toBe(due !== null && now.getTime() >= due)
      }),
      { numRuns: 5000 },
    )
  })

  it('is the exact boundary: not due a millisecond before, due from that instant on', () => {
    fc.assert(
      fc.property(anyWebState, (state) => {
        const due = todayDueFrom(state)
        fc.pre(due !== null && due > DUE_ALWAYS)
        expect(isDueToday(state, new Date(due! - 1))).toBe(false)
        expect(isDueToday(state, new Date(due!))).toBe(true)
        expect(isDueToday(state, new Date(due! + 30 * DAY))).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('ranks like todayPriority: the piece in force gives the same severity and stuck time', () => {
    fc.assert(
      fc.property(anyWebState, anyNow, (state, now) => {
        const schedule = todaySchedule(state)
        expect(schedule.pieces.length).toBeLessThanOrEqual(MAX_SCHEDULE_PIECES)
        const [, severity, negStuckMs] = todayPriority(state, now)
        expect(scheduledStuck(schedule, now.getTime())).toEqual([severity, 0 - negStuckMs])
      }),
      { numRuns: 5000 },
    )
  })

  it('is never for a renewal that is no longer open', () => {
    for (const renewalStatus of ['renewed', 'lapsed', 'cancelled'] as const) {
      expect(todayDueFrom(webState({ renewalStatus }))).toBeNull()
    }
  })

  it('is a week before the web cutoff when nothing is stuck', () => {
    expect(todayDueFrom(webState())).toBe(CUTOFF - 7 * DAY)
  })

  it('is an hour after the ID mail was sent when it is still undelivered', () => {
    const sentAt = jst('2027-03-01T09:00:00').getTime()
    const state = webState({ mail: { idMail: { status: 'sent', sentAt } } })
    expect(todayDueFrom(state)).toBe(sentAt + HOUR)
  })

  it('is always for a bounced mail', () => {
    const state = webState({ mail: { idMail: { status: 'bounced', failedAt: CUTOFF - 20 * DAY } } })
    expect(todayDueFrom(state)).toBe(DUE_ALWAYS)
  })
})
