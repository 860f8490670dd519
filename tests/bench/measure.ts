import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Handlers } from '../../electron/common/api/contract'
import { dispatch } from '../../electron/main/core/api/dispatch'
/** Small timing helpers shared by the benchmarks: wall-clock samples and percentiles. */
export interface Timing {
  samples: number
  p50Ms: number
  p95Ms: number
  meanMs: number
}

/**
 * Ours against its baseline, sample by sample in turns (which one goes first alternates):
 * timed one block after the other, the two saw different moments of a shared machine, and a
 * slow spell during one block decided the ratio.
 */
export async function timePair(
  samples: number | SampleBudget,
  baseline: () => unknown | Promise<unknown>,
  ours: () => unknown | Promise<unknown>,
  // Enough for V8 to have optimised the path: with 5, the first case of a run still paid
  // for compiling it (its gap to raw was twice that of the same page measured later).
  warmup = 20,
): Promise<{ baseline: Timing; ours: Timing }> {
  const warmupStart = performance.now()
  for (let i = 0; i < warmup; i++) {
    await baseline()
    await ours()
  }
  const pairMs = (performance.now() - warmupStart) / Math.max(1, warmup)
  samples = typeof samples === 'number' ? samples : samplesWithin(samples, pairMs)
  const base: number[] = []
  const mine: number[] = []
  for (let i = 0; i < samples; i++) {
    if (i % 2 === 0) {
      base.push(await once(baseline))
      mine.push(await once(ours))
    } else {
      mine.push(await once(ours))
      base.push(await once(baseline))
    }
  }
  return { baseline: timing(base), ours: timing(mine) }
}

/**
 * As many samples as fit a time budget, between a floor and a ceiling: p95 of 100 samples
 * is the fifth slowest, and on a shared VM the ratio of two such tails moved by a third
 * between runs for pages of 2 ms. Cheap pages get more samples; slow ones keep the floor.
 */
export interface SampleBudget {
  min: number
  max: number
  budgetMs: number
}

/** List pages (a few ms to a fraction of a second each at 1M contracts). */
export const PAGE_SAMPLES: SampleBudget = { min: 100, max: 500, budgetMs: 4_000 }

/** The sample count for a budget, from what one pair (baseline and ours) took in warm-up. */
export function samplesWithin(budget: SampleBudget, pairMs: number): number {
  const fit = Math.floor(budget.budgetMs / Math.max(pairMs, 1e-3))
  return Math.min(budget.max, Math.max(budget.min, fit))
}

async function once(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

function timing(durations: number[]): Timing {
  const samples = durations.length
  durations.sort((a, b) => a - b)
  const pick = (q: number) =>
    durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? NaN
  return {
    samples,
    p50Ms: round(pick(0.5)),
    p95Ms: round(pick(0.95)),
    meanMs: round(durations.reduce((a, b) => a + b, 0) / durations.length),
  }
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

/** A call through the whole backend path (dispatch → zod → handler), its value or a throw. */
export async function callBackend<T = unknown>(
  handlers: Handlers,
  channel: string,
  input: unknown,
): Promise<T> {
  const result = await dispatch(handlers, channel, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}

/**
 * A full garbage collection now, so what a benchmark's setup left behind (100k wire contracts,
 * ~130 MiB) is not collected on this thread in the middle of what it measures next.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}
