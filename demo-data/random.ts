import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

/**
 * murmur3's 32-bit finaliser: spreads nearby inputs (index 41, 42, 43…) over the whole
 * range so neighbouring contracts get unrelated streams.
 */
function fmix32(value: number): number {
  let h = value | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h | 0
}

/** Mixes any number of 32-bit words into one, order-sensitive. */
export function mix32(...words: number[]): number {
  let h = 0x9e3779b9 | 0
  for (const word of words) h = fmix32(h ^ fmix32(word | 0))
  return h
}

/**
 * A seeded source of the few draws the generator needs. Each contract gets its own
 * instance built from (seed, stream, index), which is what makes random access possible:
 * contract 987,654 never depends on contract 987,653.
 */
export class Rng {
  private readonly generator: RandomGenerator

  constructor(seed: number, stream: number, index: number) {
    // xoroshiro128plus(seed) starts from a weak state (its first output is ~seed), so the
    // four state words are derived through the mixer instead.
    // Both halves of the seed count, so seeds 2^32 apart do not alias.
    const high = Math.floor(seed / 4294967296)
    const a = mix32(seed, high, stream, index, 1)
    const b = mix32(seed, high, stream, index, 2)
    const c = mix32(seed, high, stream, index, 3)
    const d = mix32(seed, high, stream, index, 4)
    this.generator = xoroshiro128plusFromState([a, b, c, d === 0 && a === 0 ? 1 : d])
  }

  /** Uniform in [0, 1). Plain scaling: a bias of 2^-32 does not matter for demo data. */
  float(): number {
    return (this.generator.next() >>> 0) / 4294967296
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.float() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** Zero-padded decimal digits, e.g. digits(4) → '0427'. */
  digits(count: number): string {
    let out = ''
    for (let i = 0; i < count; i++) out += String(Math.floor(this.float() * 10))
    return out
  }
}

/** Picks by integer weights; the table is built once so a draw is a short scan. */
export class WeightedTable<T> {
  private readonly items: T[]
  private readonly cumulative: number[]
  private readonly total: number

  constructor(entries: ReadonlyArray<readonly [item: T, weight: number]>) {
    this.items = entries.map(([item]) => item)
    let sum = 0
    this.cumulative = entries.map(([, weight]) => (sum += weight))
    this.total = sum
    if (!(sum > 0)) throw new Error('weighted table needs a positive total weight')
  }

  draw(rng: Rng): T {
    const target = rng.float() * this.total
    for (let i = 0; i < this.cumulative.length; i++) {
      if (target < (this.cumulative[i] ?? 0)) return this.items[i] as T
    }
    return this.items[this.items.length - 1] as T
  }
}
