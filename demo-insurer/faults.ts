/** Misbehaviour the demo insurer can put on, so the app's client is tested against it. */
export interface Faults {
  /** 0..1: share of API requests answered 500/503 (problem+json) at random. */
  errorRate: number
  /** Added delay per request, in real milliseconds. */
  latencyMs: number
  /** 0..1: share of requests whose socket is destroyed without an answer. */
  dropRate: number
  /** Token bucket per client; over it → 429 + Retry-After (seconds). */
  rateLimitPerSecond: number | null
  /** Answer every /v1 call 503 code site_closed with Retry-After, whatever the clock says. */
  forcedClosure: boolean
  /** Lifetime of newly issued tokens, in real seconds. */
  tokenTtlSeconds: number
}

export const DEFAULT_FAULTS: Faults = {
  errorRate: 0,
  latencyMs: 0,
  dropRate: 0,
  rateLimitPerSecond: null,
  forcedClosure: false,
  tokenTtlSeconds: 3600,
}

/** Thrown for a bad option or fault value; names what was wrong so a CLI can say so. */
export class DemoInsurerOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message)
    this.name = 'DemoInsurerOptionError'
  }
}

function ratio(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new DemoInsurerOptionError(name, `${name} must be a number from 0 to 1`)
  }
  return value
}

function nonNegative(name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new DemoInsurerOptionError(name, `${name} must be a number from 0 to ${max}`)
  }
  return value
}

/**
 * Merges a partial update into the current faults, validating each field. Input may come
 * from the admin endpoint's JSON, hence `unknown` values and unknown keys rejected.
 */
export function mergeFaults(current: Faults, update: Record<string, unknown>): Faults {
  const next: Faults = { ...current }
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue
    switch (key) {
      case 'errorRate':
        next.errorRate = ratio(key, value)
        break
      case 'dropRate':
        next.dropRate = ratio(key, value)
        break
      case 'latencyMs':
        next.latencyMs = nonNegative(key, value, 60_000)
        break
      case 'rateLimitPerSecond':
        if (value === null) next.rateLimitPerSecond = null
        else if (typeof value === 'number' && value > 0 && value <= 100_000)
          next.rateLimitPerSecond = value
        else throw new DemoInsurerOptionError(key, `${key} must be null or a number above 0`)
        break
      case 'forcedClosure':
        if (typeof value !== 'boolean')
          throw new DemoInsurerOptionError(key, `${key} must be true or false`)
        next.forcedClosure = value
        break
      case 'tokenTtlSeconds':
        if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 86_400)
          throw new DemoInsurerOptionError(key, `${key} must be an integer from 1 to 86400`)
        next.tokenTtlSeconds = value as number
        break
      default:
        throw new DemoInsurerOptionError(key, `unknown fault "${key}"`)
    }
  }
  return next
}
