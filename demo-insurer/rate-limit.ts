interface Bucket {
  tokens: number
  refilledAt: number
}

/** A token bucket per client (capacity = one second's worth), on the real clock. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(private readonly realNow: () => number = Date.now) {}

  /** null = allowed; otherwise whole seconds to wait (≥ 1), for Retry-After. */
  take(client: string, perSecond: number): number | null {
    const now = this.realNow()
    const bucket = this.buckets.get(client) ?? { tokens: perSecond, refilledAt: now }
    bucket.tokens = Math.min(
      perSecond,
      bucket.tokens + ((now - bucket.refilledAt) / 1000) * perSecond,
    )
    bucket.refilledAt = now
    this.buckets.set(client, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return null
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond))
  }
}
