import { describe, expect, it } from 'vitest'
import { demoContracts } from '../../../demo-data/index'
import { contractProblems } from './contract-invariants'

// Mid-morning, inside the site's closed hours, just after midnight, and across a new year.
const NOWS = [
  '2026-11-23T10:00:00+09:00',
  '2026-11-23T04:30:00+09:00',
  '2027-03-01T00:01:00+09:00',
  '2027-01-01T12:00:00+09:00',
]

describe('demo contracts are internally consistent', () => {
  it.each(NOWS)('at %s: timestamps before now, ordered, states matching dates', (iso) => {
    const now = Date.parse(iso)
    const problems: string[] = []
    for (const c of demoContracts({ seed: 3, contracts: 10_000, now })) {
      problems.push(...contractProblems(c, now))
    }
    expect(problems.slice(0, 20)).toEqual([])
  })
})
