import { demoContractAt, type DemoOptions } from '../../demo-data/index'
import { demoContext } from '../../demo-data/context'
import { luhnCheckDigit, policyNumber } from '../../demo-data/policy-number'
import { Rng } from '../../demo-data/random'
import { DEMO_INSURERS } from '../../demo-data/reference'

/** Must match demo-data/contract.ts: the random stream contracts are drawn from. */
const STREAM_CONTRACT = 2
const MODULUS = 100_000_000

/**
 * Policy-number order of the book, and the way back from a policy number to its index,
 * without generating a million contracts. A policy number is series digit + (offset +
 * index) mod 10^8 + check digit (demo-data/policy-number.ts), so the order is: every index
 * of series '1' in rotated index order, then every index of series '5'. Only the series
 * needs a per-index fact — one byte each.
 */
export class BookOrder {
  /** Indexes in policy-number order. */
  readonly order: Uint32Array
  /** Position in `order` of each index. */
  readonly position: Uint32Array
  private readonly seriesOf: Uint8Array
  readonly policyOffset: number
  readonly renewedOffset: number

  constructor(readonly options: DemoOptions) {
    const ctx = demoContext(options.seed, options.now)
    this.policyOffset = ctx.policyOffset
    this.renewedOffset = ctx.renewedOffset
    const n = options.contracts
    this.seriesOf = seriesByIndex(options)
    this.order = new Uint32Array(n)
    this.position = new Uint32Array(n)
    // Index i has number (offset + i) mod 10^8; from `wrap` on, numbers restart at 0.
    const wrap = Math.min(n, MODULUS - this.policyOffset)
    const rotated = (k: number) => (k + wrap) % n
    let at = 0
    for (const series of seriesDigits()) {
      for (let k = 0; k < n; k++) {
        const index = rotated(k)
        if (this.seriesOf[index] !== series) continue
        this.order[at] = index
        this.position[index] = at
        at++
      }
    }
  }

  get size(): number {
    return this.order.length
  }

  policyNumberOf(index: number): string {
    return policyNumber(String(this.seriesOf[index]), index, this.policyOffset)
  }

  /** The index of a current policy number of this book, or null (renewed numbers too). */
  indexOf(value: string): number | null {
    if (!/^\d{10}$/.test(value)) return null
    if (luhnCheckDigit(value.slice(0, 9)) !== Number(value[9])) return null
    const body = Number(value.slice(1, 9))
    const index = (body - this.policyOffset + MODULUS) % MODULUS
    if (index >= this.size) return null
    return this.seriesOf[index] === Number(value[0]) ? index : null
  }
}

function seriesDigits(): number[] {
  return [...new Set(DEMO_INSURERS.map((insurer) => Number(insurer.policySeries)))].sort()
}

/**
 * The insurer of each contract, from the first two draws of its random stream — about 50×
 * cheaper than building it. This mirrors demo-data/contract.ts (scenario, then insurer);
 * a sample is checked against the real generator so a change there cannot go unnoticed,
 * and the slow, exact path takes over if it ever disagrees.
 */
function seriesByIndex(options: DemoOptions): Uint8Array {
  const ctx = demoContext(options.seed, options.now)
  const seriesOfInsurer = new Map(DEMO_INSURERS.map((i) => [i.id, Number(i.policySeries)]))
  const a = Number(ctx.insurers.A.policySeries)
  const b = Number(ctx.insurers.B.policySeries)
  const out = new Uint8Array(options.contracts)
  for (let index = 0; index < options.contracts; index++) {
    const rng = new Rng(options.seed, STREAM_CONTRACT, index)
    const flow = ctx.scenarios.draw(rng).flow
    if (flow === 'A') out[index] = rng.chance(0.9) ? a : b
    else if (flow === 'B') out[index] = rng.chance(0.9) ? b : a
    else out[index] = rng.chance(0.55) ? a : b
  }
  const step = Math.max(1, Math.floor(options.contracts / 64))
  for (let index = 0; index < options.contracts; index += step) {
    const real = seriesOfInsurer.get(demoContractAt(options, index).insurerId)
    if (real !== out[index]) return exactSeries(options, seriesOfInsurer)
  }
  return out
}

function exactSeries(options: DemoOptions, seriesOfInsurer: Map<string, number>): Uint8Array {
  const out = new Uint8Array(options.contracts)
  for (let index = 0; index < options.contracts; index++) {
    out[index] = seriesOfInsurer.get(demoContractAt(options, index).insurerId) ?? 0
  }
  return out
}
