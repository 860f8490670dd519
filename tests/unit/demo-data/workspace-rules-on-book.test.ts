import { describe, expect, it } from 'vitest'
import { demoContracts, type DemoContract } from '../../../demo-data/index'
import type { ContractWebState } from '../../../electron/common/domain/contract-web-state'
import { SEED_RULE_SET, webCutoff } from '../../../electron/common/domain/insurer-rules'
import { trackSteps } from '../../../electron/common/domain/step-tracker'
import {
  isDeadlineReason,
  stuckReasons,
  type StuckCode,
} from '../../../electron/common/domain/stuck-reasons'
import { isDueToday } from '../../../electron/common/domain/today-ranking'

/**
 * The demo book places each contract in a named situation of domain.md. The workspace rules
 * must recognise each one: a second, independent reading of the same states.
 */
const NOW = new Date('2026-11-23T10:00:00+09:00')
const DAY = 24 * 60 * 60 * 1000
const book: DemoContract[] = [...demoContracts({ seed: 7, contracts: 4000, now: NOW.getTime() })]

// Both demo insurers publish the flyer's rules.
const webStateOf = (c: DemoContract): ContractWebState => ({
  flow: c.flow,
  renewalStatus: c.renewalStatus,
  renewalChannel: c.renewalChannel,
  maturityDate: c.maturityDate,
  webCutoffAt: webCutoff(c.maturityDate, SEED_RULE_SET).getTime(),
  mail: c.mail,
  progress: c.progress,
})

const clientSideCodes = (c: DemoContract): StuckCode[] =>
  stuckReasons(webStateOf(c), NOW)
    .filter((r) => !isDeadlineReason(r))
    .map((r) => r.code)

/** Per scenario: the client-side reasons it may show. [] alone means "never stuck". */
const ALLOWED: Record<string, StuckCode[][]> = {
  not_yet_open: [[]],
  window_open_not_started: [[]],
  a_password_mail_pending: [[], ['password_mail_missing']],
  a_no_mail_arrived: [[], ['no_mail_arrived']],
  a_id_mail_bounced: [['mail_bounced']],
  a_password_mail_bounced: [['mail_bounced']],
  a_password_suppressed: [[], ['password_suppressed_earlier_year']],
  a_never_logged_in: [['never_logged_in']],
  a_password_expired: [['password_expired']],
  a_abandoned: [['abandoned']],
  a_in_progress: [[]],
  b_provisional_pending: [[]],
  b_provisional_expired: [['provisional_expired']],
  b_mismatch: [['registration_mismatch']],
  b_wrong_policy_number: [['wrong_policy_number']],
  b_registered_not_renewed: [['abandoned']],
  b_abandoned: [['abandoned']],
  b_in_progress: [[]],
}

describe('stuck reasons on the demo book', () => {
  it('every scenario shows only the reasons that describe it', () => {
    const seen = new Set<string>()
    for (const c of book) {
      const allowed = ALLOWED[c.scenario]
      if (!allowed) continue
      seen.add(c.scenario)
      expect({ scenario: c.scenario, codes: clientSideCodes(c) }).toSatisfy(
        ({ codes }: { codes: StuckCode[] }) =>
          allowed.some((a) => JSON.stringify(a) === JSON.stringify(codes)),
      )
    }
    expect([...seen].sort()).toEqual(Object.keys(ALLOWED).sort())
  })

  it('every abandoned client is recognised as such, its last activity days before now', () => {
    const abandoned = book.filter((c) => c.scenario.endsWith('_abandoned'))
    expect(abandoned.length).toBeGreaterThan(100)
    for (const c of abandoned) {
      expect(clientSideCodes(c), c.scenario).toEqual(['abandoned'])
      expect(c.progress.lastActivityAt!, c.scenario).toBeLessThanOrEqual(NOW.getTime() - 2 * DAY)
    }
  })

  it('settled contracts never show a reason; open ones past the cutoff always do', () => {
    for (const c of book) {
      const reasons = stuckReasons(webStateOf(c), NOW)
      if (['renewed', 'lapsed', 'cancelled'].includes(c.renewalStatus)) expect(reasons).toEqual([])
      if (c.scenario === 'web_closed_not_renewed') {
        expect(reasons.map((r) => r.code)).toContain('cutoff_passed')
        expect(isDueToday(webStateOf(c), NOW)).toBe(true)
      }
    }
  })

  it('a bounce of both mails says so; the password-only bounce names the password mail', () => {
    for (const c of book) {
      const [reason] = stuckReasons(webStateOf(c), NOW).filter((r) => r.code === 'mail_bounced')
      if (c.scenario === 'a_id_mail_bounced') expect(reason).toMatchObject({ mail: 'both' })
      if (c.scenario === 'a_password_mail_bounced')
        expect(reason).toMatchObject({ mail: 'password' })
    }
  })
})

describe('step tracker on the demo book', () => {
  const EXPECTED: Record<string, { stage: string; state: 'current' | 'failed' }> = {
    a_id_mail_bounced: { stage: 'a1_credentials', state: 'failed' },
    a_password_expired: { stage: 'a2_login', state: 'failed' },
    a_never_logged_in: { stage: 'a2_login', state: 'current' },
    a_in_progress: { stage: 'a3_procedure', state: 'current' },
    a_abandoned: { stage: 'a3_procedure', state: 'current' },
    b_mismatch: { stage: 'b1_signup', state: 'failed' },
    b_wrong_policy_number: { stage: 'b1_signup', state: 'failed' },
    b_provisional_pending: { stage: 'b2_provisional', state: 'current' },
    b_provisional_expired: { stage: 'b2_provisional', state: 'failed' },
    b_registered_not_renewed: { stage: 'b4_procedure', state: 'current' },
    b_in_progress: { stage: 'b4_procedure', state: 'current' },
  }

  it('puts the client at the stage the scenario describes', () => {
    for (const c of book) {
      const expected = EXPECTED[c.scenario]
      if (!expected) continue
      const { current } = trackSteps(webStateOf(c), NOW)
      expect({
        scenario: c.scenario,
        current: current && { stage: current.stage, state: current.state },
      }).toEqual({
        scenario: c.scenario,
        current: expected,
      })
    }
  })

  it('web renewals end with every required stage done', () => {
    for (const c of book.filter(
      (b) => b.scenario === 'a_renewed_web' || b.scenario === 'b_renewed_web',
    )) {
      const { stages, current } = trackSteps(webStateOf(c), NOW)
      expect(current).toBeNull()
      expect(stages.filter((s) => !s.optional).every((s) => s.state === 'done')).toBe(true)
    }
  })
})
