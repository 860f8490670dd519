import { describe, expect, it } from 'vitest'
import { BookOrder } from '../../../demo-insurer/book/order'
import { toWire } from '../../../demo-insurer/book/wire'
import { demoContracts } from '../../../demo-data/index'

const now = Date.parse('2026-03-10T10:00:00+09:00')

describe('demo insurer book: policy-number order without building the book', () => {
  it('agrees with the generator on every policy number, and orders them', () => {
    const options = { seed: 11, contracts: 3000, now }
    const order = new BookOrder(options)
    const book = [...demoContracts(options)]
    for (const c of book) {
      expect(order.policyNumberOf(c.index)).toBe(c.policyNumber)
      expect(order.indexOf(c.policyNumber)).toBe(c.index)
    }
    const ordered = [...order.order].map((i) => book[i]?.policyNumber)
    expect(ordered).toEqual(book.map((c) => c.policyNumber).sort())
    order.order.forEach((index, position) => expect(order.position[index]).toBe(position))
  })

  it('handles the wrap of the 8-digit sequence (seed offsets near 10^8)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const order = new BookOrder({ seed, contracts: 500, now })
      const numbers = [...order.order].map((i) => order.policyNumberOf(i))
      expect(numbers).toEqual([...numbers].sort())
      expect(new Set(numbers).size).toBe(500)
    }
  })

  it('finds nothing for numbers outside the book, renewed numbers or bad check digits', () => {
    const options = { seed: 11, contracts: 1000, now }
    const order = new BookOrder(options)
    const [c] = demoContracts(options)
    if (!c) throw new Error('empty')
    const flipped = c.policyNumber.slice(0, 9) + String((Number(c.policyNumber[9]) + 1) % 10)
    for (const value of [flipped, '12345', 'abcdefghij', ''])
      expect(order.indexOf(value)).toBeNull()
    for (const other of demoContracts(options)) {
      if (other.renewedPolicyNumber) expect(order.indexOf(other.renewedPolicyNumber)).toBeNull()
    }
  })

  it('builds the order of a million contracts in well under the time of generating them', () => {
    const started = performance.now()
    const order = new BookOrder({ seed: 3, contracts: 1_000_000, now })
    expect(order.size).toBe(1_000_000)
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('serialises instants as RFC 3339 with +09:00 and the staff id as agentStaffCode', () => {
    const [c] = demoContracts({ seed: 11, contracts: 100, now })
    if (!c) throw new Error('empty')
    const wire = toWire(c, 1, now)
    expect(wire.updatedAt).toBe('2026-03-10T10:00:00+09:00')
    expect(wire.agentStaffCode).toBe(c.staffId)
    expect(wire.version).toBe(1)
    const again = toWire(c, 2, now + 1000, wire)
    expect(again.policyholder).toBe(wire.policyholder)
  })
})
