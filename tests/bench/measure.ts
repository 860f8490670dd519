/** Small timing helpers shared by the benchmarks: wall-clock samples and percentiles. */
export interface Timing {
  samples: number
  p50Ms: number
  p95Ms: number
  meanMs: number
}

export async function time(
  samples: number,
  fn: () => unknown | Promise<unknown>,
  warmup = 5,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const durations: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint()
    await fn()
    durations.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
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
