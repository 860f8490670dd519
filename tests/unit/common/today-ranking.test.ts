import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SEED_RULE_SET, webCutoff } from '../../../electron/common/domain/insurer-rules'
import {
  compareForToday,
  isDueToday,
  rankForToday,
  todayPriority,
  type TodayCandidate,
} from '../../../electron/common/domain/today-ranking'
import {
  anyNow,
  anyWebState,
  CUTOFF,
  DAY,
  HOUR,
  jst,
  webState,
  type StatePatch,
} from './web-state-fixture'

const NOW = jst('2027-03-10T10:00:00')
const T = NOW.getTime()

/** A contract maturing on `maturity` (cutoff 23:55 JST two days before). */
function candidate(
  id: number,
  policyNumber: string,
  maturity: string,
  patch: StatePatch = {},
): TodayCandidate {
  return {
    id,
    policyNumber,
    ...webState({
      renewalStatus: 'not_started',
      maturityDate: maturity,
      webCutoffAt: webCutoff(maturity, SEED_RULE_SET).getTime(),
      ...patch,
    }),
  }
}

const bounced = (since: number): StatePatch => ({
  renewalStatus: 'in_progress',
  mail: { idMail: { status: 'bounced', failedAt: since, failureReason: 'invalid_address' } },
})
const neverLoggedIn = (deliveredAt: number): StatePatch => ({
  renewalStatus: 'in_progress',
  mail: {
    idMail: { status: 'delivered', sentAt: deliveredAt },
    passwordMail: { status: 'delivered', deliveredAt },
  },
})

describe('isDueToday', () => {
  it('takes everything open within a week of the cutoff, stuck or not', () => {
    const cutoffInSevenDays = new Date(CUTOFF - 7 * DAY)
    expect(isDueToday(webState({ renewalStatus: 'not_started' }), cutoffInSevenDays)).toBe(true)
    expect(
      isDueToday(webState({ renewalStatus: 'not_started' }), new Date(CUTOFF - 7 * DAY - 1)),
    ).toBe(false)
  })

  it('takes a stuck contract whatever its deadline', () => {
    expect(isDueToday(webState(bounced(T)), NOW)).toBe(true)
    expect(isDueToday(webState({ renewalStatus: 'in_progress' }), NOW)).toBe(false)
  })

  it('never takes a settled contract, even past maturity', () => {
    for (const renewalStatus of ['renewed', 'lapsed', 'cancelled'] as const) {
      expect(
        isDueToday(webState({ ...bounced(T), renewalStatus }), jst('2027-04-05T10:00:00')),
      ).toBe(false)
    }
  })
})

describe('todayPriority', () => {
  it('moves to the top tier at 00:00 JST the day after maturity, not at UTC midnight', () => {
    const state = webState({ renewalStatus: 'not_started' })
    expect(todayPriority(state, jst('2027-04-01T23:59:59'))[0]).toBe(1)
    expect(todayPriority(state, jst('2027-04-02T00:00:00'))[0]).toBe(0)
    // 09:00 JST on 2 April is UTC midnight: nothing changes there.
    expect(todayPriority(state, jst('2027-04-02T09:00:00'))[0]).toBe(0)
  })

  it('ignores the calendar reasons when weighing what is stuck', () => {
    const [, severity, negStuckMs] = todayPriority(
      webState({ renewalStatus: 'not_started' }),
      jst('2027-03-29T10:00:00'),
    )
    expect(severity).toBe(3)
    expect(negStuckMs).toBe(0)
    expect(Object.is(negStuckMs, -0)).toBe(false)
  })
})

describe('rankForToday', () => {
  const book = [
    candidate(1, 'P-later-quiet', '2027-06-01'),
    candidate(2, 'P-d7-quiet', '2027-03-18'),
    candidate(3, 'P-d3-quiet', '2027-03-14'),
    candidate(4, 'P-closed', '2027-03-11'),
    candidate(5, 'P-maturity-passed', '2027-03-09'),
    candidate(6, 'P-d3-bounced', '2027-03-14', bounced(T - HOUR)),
    candidate(7, 'P-d7-bounced-long', '2027-03-18', bounced(T - 5 * DAY)),
    candidate(8, 'P-d7-bounced-short', '2027-03-18', bounced(T - 2 * HOUR)),
    candidate(9, 'P-d7-never-logged-in', '2027-03-18', neverLoggedIn(T - 10 * DAY)),
    candidate(10, 'P-later-bounced', '2027-06-01', bounced(T - DAY)),
    candidate(11, 'P-renewed', '2027-03-14', { renewalStatus: 'renewed', renewalChannel: 'web' }),
    candidate(12, 'A-d7-quiet', '2027-03-18'),
    candidate(13, 'A-d7-quiet', '2027-03-18'),
  ]

  it('orders by deadline tier, then severity, then time stuck, then policy number and id', () => {
    expect(rankForToday(book, NOW).map((r) => r.contract.id)).toEqual([
      5, // maturity passed
      4, // web window closed
      6, // ≤3 days, stuck (warning)
      3, // ≤3 days, nothing stuck
      7, // ≤7 days, warning, stuck 5 days
      8, // ≤7 days, warning, stuck 2 hours
      9, // ≤7 days, notice (never logged in)
      12, // ≤7 days, nothing stuck: policy number A… before P…, then id
      13,
      2,
      10, // a month away, but stuck
    ])
  })

  it('gives each ranked contract its reasons and leaves out those not due', () => {
    const ranked = rankForToday(book, NOW)
    expect(ranked.find((r) => r.contract.id === 6)?.reasons.map((r) => r.code)).toEqual([
      'cutoff_near',
      'mail_bounced',
    ])
    expect(ranked.some((r) => r.contract.id === 1 || r.contract.id === 11)).toBe(false)
  })

  const anyCandidate = fc
    .tuple(anyWebState, fc.nat(50), fc.constantFrom('100', '101', '200'))
    .map(([state, id, policyNumber]): TodayCandidate => ({ ...state, id, policyNumber }))

  it('is a total order: input order never changes the output', () => {
    fc.assert(
      fc.property(fc.array(anyCandidate, { maxLength: 30 }), anyNow, (contracts, now) => {
        const forwards = rankForToday(contracts, now).map((r) => r.contract)
        const backwards = rankForToday([...contracts].reverse(), now).map((r) => r.contract)
        // Equal (id, policy number) pairs may be distinct objects; compare what identifies them.
        const key = (c: TodayCandidate) => `${c.policyNumber}#${c.id}#${JSON.stringify(c)}`
        const ids = (cs: TodayCandidate[]) => cs.map((c) => `${c.policyNumber}#${c.id}`)
        expect(ids(forwards)).toEqual(ids(backwards))
        expect(forwards.map(key).sort()).toEqual(
          contracts
            .filter((c) => isDueToday(c, now))
            .map(key)
            .sort(),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('compares antisymmetrically, and only a contract with itself as equal', () => {
    fc.assert(
      fc.property(anyCandidate, anyCandidate, anyNow, (a, b, now) => {
        const ra = { contract: a, reasons: [], priority: todayPriority(a, now) }
        const rb = { contract: b, reasons: [], priority: todayPriority(b, now) }
        expect(Math.sign(compareForToday(ra, rb)) + Math.sign(compareForToday(rb, ra))).toBe(0)
        expect(compareForToday(ra, ra)).toBe(0)
        if (a.id !== b.id || a.policyNumber !== b.policyNumber)
          expect(compareForToday(ra, rb)).not.toBe(0)
      }),
      { numRuns: 1000 },
    )
  })
})
