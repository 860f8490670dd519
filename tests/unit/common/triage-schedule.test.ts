import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isDeadlineReason, stuckReasons } from '../../../electron/common/domain/stuck-reasons'
import { triageCategoryOf } from '../../../electron/common/domain/triage-categories'
import { triageSchedule } from '../../../electron/common/domain/triage-schedule'
import { anyNow, anyWebState, HOUR, jst, webState } from './web-state-fixture'

/** What the triage screen would list for this state at `now`, by the rules themselves. */
function groupsByRules(state: Parameters<typeof stuckReasons>[0], now: Date) {
  return stuckReasons(state, now).flatMap((reason) => {
    if (isDeadlineReason(reason)) return []
    const category = triageCategoryOf(reason)
    return category ? [{ category, since: reason.since }] : []
  })
}

describe('triageSchedule: the stored triage group of a state', () => {
  it('puts a contract in exactly the group the rules give, from that instant on', () => {
    fc.assert(
      fc.property(anyWebState, anyNow, (state, now) => {
        const schedule = triageSchedule(state)
        const stored =
          schedule && now.getTime() >= schedule.from
            ? [{ category: schedule.category, since: schedule.since }]
            : []
        expect(stored).toEqual(groupsByRules(state, now))
      }),
      { numRuns: 5000 },
    )
  })

  it('is the exact first instant: not in the group a millisecond before', () => {
    fc.assert(
      fc.property(anyWebState, (state) => {
        const schedule = triageSchedule(state)
        fc.pre(schedule !== null && schedule.from > 0)
        expect(groupsByRules(state, new Date(schedule!.from - 1))).toEqual([])
        expect(groupsByRules(state, new Date(schedule!.from))).toHaveLength(1)
      }),
      { numRuns: 1000 },
    )
  })

  it('files a password mail that has not come two hours after the ID mail', () => {
    const sentAt = jst('2027-03-01T09:00:00').getTime()
    const state = webState({
      mail: { idMail: { status: 'delivered', sentAt, deliveredAt: sentAt } },
    })
    expect(triageSchedule(state)).toEqual({
      category: 'password_mail_missing',
      from: sentAt + 2 * HOUR,
      since: sentAt,
    })
  })

  it('has no group for a renewal that is done', () => {
    const state = webState({ renewalStatus: 'renewed', mail: { idMail: { status: 'bounced' } } })
    expect(triageSchedule(state)).toBeNull()
  })
})
