import { describe, expect, it } from 'vitest'
import {
  demoContractAt,
  demoContracts,
  DemoOptionError,
  demoReferenceData,
} from '../../../demo-data/index'

const now = Date.parse('2026-11-23T10:00:00+09:00')
const options = { seed: 7, contracts: 500, now }

describe('demo generator: determinism and random access', () => {
  it('gives the same book for the same seed and now', () => {
    expect([...demoContracts(options)]).toEqual([...demoContracts({ ...options })])
    expect(demoReferenceData(7)).toEqual(demoReferenceData(7))
  })

  it('gives a different book for another seed or another now', () => {
    const base = [...demoContracts(options)]
    const otherSeed = [...demoContracts({ ...options, seed: 8 })]
    const otherNow = [...demoContracts({ ...options, now: now + 3 * 86_400_000 })]
    expect(otherSeed).not.toEqual(base)
    expect(otherNow).not.toEqual(base)
    // Not merely shifted: most contracts differ in who they are.
    const sameClient = base.filter((c, i) => c.client.nameKanji === otherSeed[i]?.client.nameKanji)
    expect(sameClient.length).toBeLessThan(base.length / 5)
  })

  it('serves any index without generating the others, equal to iteration', () => {
    const all = [...demoContracts(options)]
    for (const index of [0, 1, 137, 499]) expect(demoContractAt(options, index)).toEqual(all[index])
    // A large book's last contract is as cheap as its first.
    const big = { ...options, contracts: 1_000_000 }
    const started = performance.now()
    const last = demoContractAt(big, 999_999)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(last.index).toBe(999_999)
    expect(demoContractAt(big, 999_999)).toEqual(last)
  })

  it('yields exactly `contracts` items in index order', () => {
    const all = [...demoContracts(options)]
    expect(all).toHaveLength(500)
    expect(all.map((c) => c.index)).toEqual([...Array(500).keys()])
  })
})

describe('demo generator: option validation', () => {
  it.each([99, 1_000_001, 1.5, Number.NaN, -3])(
    'rejects contracts = %s naming the option',
    (contracts) => {
      expect(() => demoContracts({ ...options, contracts })).toThrow(DemoOptionError)
      expect(() => demoContracts({ ...options, contracts })).toThrow(/contracts/)
      expect(() => demoContractAt({ ...options, contracts }, 0)).toThrow(/contracts/)
    },
  )

  it('accepts the bounds 100 and 1,000,000', () => {
    expect(() => demoContracts({ ...options, contracts: 100 })).not.toThrow()
    expect(() => demoContractAt({ ...options, contracts: 1_000_000 }, 0)).not.toThrow()
  })

  it('rejects a non-integer seed, a bad now and an out-of-range index', () => {
    expect(() => demoContracts({ ...options, seed: 1.2 })).toThrow(/seed/)
    expect(() => demoContracts({ ...options, now: Number.NaN })).toThrow(/now/)
    expect(() => demoContractAt(options, 500)).toThrow(/index/)
    expect(() => demoContractAt(options, -1)).toThrow(/index/)
  })
})
