import { describe, expect, it } from 'vitest'
import { samplesWithin, timePair } from '../../bench/measure'

describe('samplesWithin', () => {
  const budget = { min: 100, max: 500, budgetMs: 4_000 }

  it('fits as many pairs as the budget holds, between the floor and the ceiling', () => {
    expect(samplesWithin(budget, 10)).toBe(400)
    expect(samplesWithin(budget, 2)).toBe(500)
    expect(samplesWithin(budget, 200)).toBe(100)
  })

  it('keeps the ceiling when a pair took no measurable time', () => {
    expect(samplesWithin(budget, 0)).toBe(500)
  })
})

describe('timePair', () => {
  it('times both sides as often as the budget allows, in turns', async () => {
    const order: string[] = []
    const { baseline, ours } = await timePair(
      { min: 3, max: 6, budgetMs: 1e9 },
      () => order.push('b'),
      () => order.push('o'),
      2,
    )
    expect(baseline.samples).toBe(6)
    expect(ours.samples).toBe(6)
    // Warm-up (b o b o), then the first of each pair alternates.
    expect(order.join('')).toBe('bobo' + 'bo' + 'ob' + 'bo' + 'ob' + 'bo' + 'ob')
  })
})
