import { describe, expect, it } from 'vitest'
import {
  DEMO_SCENARIOS,
  demoContracts,
  isCarrierAddress,
  SCENARIO_NAMES,
  SCENARIO_WEIGHTS,
  type DemoContract,
} from '../../../demo-data/index'

const now = Date.parse('2026-11-23T10:00:00+09:00')
const book: DemoContract[] = [...demoContracts({ seed: 42, contracts: 10_000, now })]

describe('demo scenarios', () => {
  it('weights sum to one and names are unique', () => {
    expect(DEMO_SCENARIOS.reduce((sum, s) => sum + s.weight, 0)).toBe(1000)
    expect(new Set(SCENARIO_NAMES).size).toBe(SCENARIO_NAMES.length)
  })

  it('covers every stuck state of domain.md', () => {
    for (const name of [
      'not_yet_open',
      'a_password_mail_pending',
      'a_no_mail_arrived',
      'a_id_mail_bounced',
      'a_password_mail_bounced',
      'a_password_suppressed',
      'a_never_logged_in',
      'a_password_expired',
      'a_abandoned',
      'a_in_progress',
      'a_renewed_web',
      'b_provisional_pending',
      'b_provisional_expired',
      'b_mismatch',
      'b_wrong_policy_number',
      'b_registered_not_renewed',
      'b_abandoned',
      'b_renewed_web',
      'renewed_agency',
      'lapsed',
    ]) {
      expect(SCENARIO_NAMES).toContain(name)
    }
  })

  it('places every scenario in the book at roughly its weight (10k contracts)', () => {
    const counts = new Map<string, number>()
    for (const c of book) counts.set(c.scenario, (counts.get(c.scenario) ?? 0) + 1)
    for (const name of SCENARIO_NAMES) {
      const expected = SCENARIO_WEIGHTS[name] * book.length
      const actual = counts.get(name) ?? 0
      // 5 standard deviations of a binomial count, at least 10.
      const tolerance = Math.max(10, 5 * Math.sqrt(expected))
      expect(Math.abs(actual - expected), `${name}: ${actual} vs ${expected}`).toBeLessThan(
        tolerance,
      )
    }
  })

  it('only bounces with carrier_filter on docomo / au / softbank addresses', () => {
    let carrierFiltered = 0
    for (const c of book) {
      for (const m of [c.mail.idMail, c.mail.passwordMail]) {
        if (m.failureReason !== 'carrier_filter') continue
        carrierFiltered++
        expect(isCarrierAddress(c.client.email)).toBe(true)
      }
    }
    expect(carrierFiltered).toBeGreaterThan(0)
    expect(isCarrierAddress('x@docomo.ne.jp')).toBe(true)
    expect(isCarrierAddress('x@gmail.com')).toBe(false)
  })

  it('gives each insurer mostly its own flow', () => {
    for (const [insurer, flow] of [
      ['demo-a', 'A'],
      ['demo-b', 'B'],
    ] as const) {
      const own = book.filter((c) => c.insurerId === insurer)
      const share = own.filter((c) => c.flow === flow).length / own.length
      expect(share).toBeGreaterThan(0.8)
      expect(share).toBeLessThan(1)
    }
  })
})
