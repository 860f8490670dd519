import { isInsurerError } from './errors'

export interface IssuedToken {
  accessToken: string
  expiresInSeconds: number
}

export interface TokenManagerDeps {
  /** One POST /oauth/token; rejects with an InsurerError. */
  requestToken: () => Promise<IssuedToken>
  now: () => number
}

export interface TokenManager {
  /** A token that is valid for a while yet; fetched at most once however many ask at once. */
  token(): Promise<string>
  /** Always asks the insurer (still single-flight), e.g. for a connectivity check. */
  refresh(): Promise<string>
  /** Forget `token` if it is still the cached one (a 401 proved it dead). */
  invalidate(token: string): void
  /**
   * Runs `call` with a token. On 'unauthorized' the token is replaced once and `call` runs
   * once more; a second 'unauthorized' is final (the credentials, not the token, are wrong).
   */
  withToken<T>(call: (token: string) => Promise<T>): Promise<T>
}

/** Refresh this long before expiry so a token never dies in flight: 10% of its life, ≤ 30 s. */
export function refreshMarginMs(expiresInSeconds: number): number {
  return Math.min(30_000, expiresInSeconds * 100)
}

interface Cached {
  value: string
  refreshAt: number
}

export function createTokenManager(deps: TokenManagerDeps): TokenManager {
  let cached: Cached | null = null
  let inflight: Promise<string> | null = null

  const fetchShared = (): Promise<string> => {
    // Single flight: every caller that needs a new token awaits the same request.
    inflight ??= (async () => {
      try {
        const requestedAt = deps.now()
        const issued = await deps.requestToken()
        // Measured from when we asked, so a slow answer cannot stretch the token's life.
        const lifetimeMs = issued.expiresInSeconds * 1000
        cached = {
          value: issued.accessToken,
          refreshAt: requestedAt + lifetimeMs - refreshMarginMs(issued.expiresInSeconds),
        }
        return issued.accessToken
      } finally {
        inflight = null
      }
    })()
    return inflight
  }

  const token = async (): Promise<string> => {
    if (cached && deps.now() < cached.refreshAt) return cached.value
    return fetchShared()
  }

  const invalidate = (value: string): void => {
    // Another caller may already have replaced it; dropping the new one would stampede.
    if (cached?.value === value) cached = null
  }

  return {
    token,
    refresh: () => {
      cached = null
      return fetchShared()
    },
    invalidate,
    async withToken(call) {
      const first = await token()
      try {
        return await call(first)
      } catch (error) {
        if (!isInsurerError(error, 'unauthorized')) throw error
        invalidate(first)
        return call(await token())
      }
    },
  }
}
