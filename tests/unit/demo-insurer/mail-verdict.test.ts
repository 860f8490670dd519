import { describe, expect, it } from 'vitest'
import { mailVerdict } from '../../../demo-insurer/sim/mail'
import { demoContracts, isCarrierAddress, type DemoContract } from '../../../demo-data/index'
import { Rng } from '../../../demo-data/random'

const now = Date.parse('2026-03-10T10:00:00+09:00')
const book = [...demoContracts({ seed: 5, contracts: 4000, now })]

describe('demo insurer mail outcomes', () => {
  it('filters only carrier addresses (docomo/au/softbank)', () => {
    const rng = new Rng(5, 99, 0)
    let filtered = 0
    for (const c of book) {
      const reason = mailVerdict(5, c, false, rng)
      if (reason === 'carrier_filter') {
        filtered++
        expect(isCarrierAddress(c.client.email)).toBe(true)
      }
    }
    expect(filtered).toBeGreaterThan(0)
  })

  it('repeats an invalid_address or carrier_filter bounce until the address is corrected', () => {
    const rng = new Rng(5, 99, 1)
    const stuck = book.filter((c) =>
      ['invalid_address', 'carrier_filter'].includes(c.mail.idMail.failureReason ?? ''),
    )
    expect(stuck.length).toBeGreaterThan(3)
    for (const c of stuck) {
      expect(mailVerdict(5, c, false, rng)).toBe(c.mail.idMail.failureReason)
      // Corrected to a plain, working address: the old bounce says nothing any more.
      const corrected: DemoContract = {
        ...c,
        client: { ...c.client, email: 'someone.new@example.jp' },
      }
      expect([null, 'mailbox_full']).toContain(mailVerdict(5, corrected, true, new Rng(5, 99, 2)))
    }
  })

  it('bounces every mail for a contract without an email address', () => {
    const none = book.find((c) => c.client.email === null)
    if (!none) throw new Error('no contract without email')
    expect(mailVerdict(5, none, false, new Rng(5, 99, 3))).toBe('invalid_address')
  })
})
