import { describe, expect, it } from 'vitest'
import {
  CalendarDate,
  contractUrgency,
  isPastWebCutoff,
  SEED_RULE_SET,
  siteStatus,
  urgencyBucket,
  webCutoff,
  webWindowOpens,
} from '../../../electron/common/domain/insurer-rules'
import { formatJst, toJstIso } from '../../../electron/common/domain/japan-time'

/** Instants written as Japan wall-clock time, independent of the zone this run uses. */
const jst = (wallClock: string) => new Date(`${wallClock}+09:00`)

describe('the zone of this run', () => {
  // This file also runs in a lane with TZ=America/Los_Angeles; prove the lane's premise.
  it('is the zone the lane asked for', () => {
    const offsets: Record<string, number> = {
      'America/Los_Angeles': 480,
      UTC: 0,
      'Asia/Tokyo': -540,
    }
    const tz = process.env.TZ
    if (tz && tz in offsets)
      expect(new Date(Date.UTC(2027, 0, 15)).getTimezoneOffset()).toBe(offsets[tz])
    expect(typeof tz === 'string' || tz === undefined).toBe(true)
  })
})

describe('webCutoff (seed rule: 23:55 JST two days before maturity)', () => {
  it.each([
    ['2027-04-01', '2027-03-30T23:55'],
    // month end and year end
    ['2027-03-01', '2027-02-27T23:55'],
    ['2027-01-01', '2026-12-30T23:55'],
    ['2027-01-02', '2026-12-31T23:55'],
    // leap years: 2028 has 29 February, 2027 does not
    ['2028-03-01', '2028-02-28T23:55'],
    ['2028-03-02', '2028-02-29T23:55'],
    ['2027-03-02', '2027-02-28T23:55'],
    ['2028-02-29', '2028-02-27T23:55'],
  ])('maturity %s → %s JST', (maturity, expected) => {
    expect(webCutoff(maturity, SEED_RULE_SET).getTime()).toBe(jst(`${expected}:00`).getTime())
    expect(formatJst(webCutoff(maturity, SEED_RULE_SET))).toBe(expected.replace('T', ' '))
  })

  it('is 23:55 JST expressed in UTC as 14:55 the same day', () => {
    expect(webCutoff('2027-04-01', SEED_RULE_SET).toISOString()).toBe('2027-03-30T14:55:00.000Z')
    expect(toJstIso(webCutoff('2027-04-01', SEED_RULE_SET))).toBe('2027-03-30T23:55:00+09:00')
  })

  it.each([
    ['2027-03-30T23:54:00', false],
    ['2027-03-30T23:54:59', false],
    ['2027-03-30T23:55:00', true],
    ['2027-03-30T23:56:00', true],
  ])('at %s JST, past the cutoff: %s', (now, past) => {
    expect(isPastWebCutoff(jst(now), '2027-04-01', SEED_RULE_SET)).toBe(past)
  })

  it('follows the rule set, not a constant', () => {
    const rules = { ...SEED_RULE_SET, webCutoffDaysBeforeMaturity: 3, webCutoffTime: '17:00' }
    expect(formatJst(webCutoff('2027-04-01', rules))).toBe('2027-03-29 17:00')
  })

  it('opens the web window the configured number of days before', () => {
    expect(formatJst(webWindowOpens('2027-04-01', SEED_RULE_SET))).toBe('2027-01-31 00:00')
  })
})

describe('siteStatus (closed 04:00–06:00 JST)', () => {
  it.each([
    ['2027-03-10T03:59:00', true],
    ['2027-03-10T04:00:00', false],
    ['2027-03-10T05:59:00', false],
    ['2027-03-10T06:00:00', true],
    ['2027-03-10T23:59:00', true],
    ['2027-03-10T00:30:00', true],
  ])('at %s JST open: %s', (now, open) => {
    expect(siteStatus(jst(now), SEED_RULE_SET).open).toBe(open)
  })

  it('says when it reopens', () => {
    const status = siteStatus(jst('2027-03-10T04:30:00'), SEED_RULE_SET)
    expect(status.open).toBe(false)
    if (!status.open) expect(toJstIso(status.reopensAt)).toBe('2027-03-10T06:00:00+09:00')
  })

  it('handles a closure that wraps midnight', () => {
    const rules = { ...SEED_RULE_SET, siteClosedFrom: '23:00', siteClosedUntil: '01:00' }
    expect(siteStatus(jst('2027-03-10T23:30:00'), rules).open).toBe(false)
    expect(siteStatus(jst('2027-03-11T00:30:00'), rules).open).toBe(false)
    expect(siteStatus(jst('2027-03-11T01:00:00'), rules).open).toBe(true)
    const status = siteStatus(jst('2027-03-10T23:30:00'), rules)
    if (!status.open) expect(toJstIso(status.reopensAt)).toBe('2027-03-11T01:00:00+09:00')
  })
})

describe('urgencyBucket', () => {
  const cutoff = jst('2027-03-30T23:55:00')
  const before = (hours: number) => new Date(cutoff.getTime() - hours * 3600_000)
  it.each([
    [-1, 'closed'],
    [0, 'closed'],
    [1, 'd3'],
    [72, 'd3'],
    [73, 'd7'],
    [7 * 24, 'd7'],
    [14 * 24, 'd14'],
    [30 * 24, 'd30'],
    [30 * 24 + 1, 'later'],
  ])('%i hours before the cutoff → %s', (hours, bucket) => {
    expect(urgencyBucket(before(hours), cutoff)).toBe(bucket)
  })
})

describe('CalendarDate', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(CalendarDate.safeParse('2028-02-29').success).toBe(true)
    expect(CalendarDate.safeParse('2027-02-29').success).toBe(false)
    expect(CalendarDate.safeParse('2027-13-01').success).toBe(false)
    expect(CalendarDate.safeParse('2027/04/01').success).toBe(false)
  })
})

describe('contractUrgency', () => {
  const cutoff = jst('2027-03-30T23:55:00')
  const now = jst('2027-03-29T12:00:00')
  it('ranks only contracts that still need renewing', () => {
    expect(contractUrgency(now, cutoff, 'not_started')).toBe('d3')
    expect(contractUrgency(now, cutoff, 'in_progress')).toBe('d3')
    expect(contractUrgency(now, cutoff, 'renewed')).toBeNull()
    expect(contractUrgency(now, cutoff, 'lapsed')).toBeNull()
    expect(contractUrgency(now, cutoff, 'cancelled')).toBeNull()
  })
})
