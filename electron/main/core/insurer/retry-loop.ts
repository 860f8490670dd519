import { InsurerError } from './errors'
import { type BackoffOptions, type HttpMethod, retryDelay, shouldRetry } from './retry-policy'

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export interface RetryLoopOptions {
  method: HttpMethod
  hasIdempotencyKey: boolean
  maxAttempts: number
  /** No retry starts once waiting for it would pass this budget (measured with `now`). */
  maxElapsedMs: number
  backoff: BackoffOptions
  now: () => number
  sleep: Sleep
  random: () => number
  /** Told about each retry before its wait; for logs and tests. */
  onRetry?: (info: { attempt: number; delayMs: number; error: InsurerError }) => void
}

/**
 * Runs `attempt` until it succeeds, the policy says stop, attempts run out, or the time
 * budget would be exceeded; then the last error is thrown as it is, so the caller sees the
 * real kind (and its retryAfterMs / reopensAt) and can schedule the next try itself.
 */
export async function runWithRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryLoopOptions,
): Promise<T> {
  const started = options.now()
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber)
    } catch (error) {
      if (!(error instanceof InsurerError)) throw error
      const again = shouldRetry(
        error,
        attemptNumber,
        options.method,
        options.hasIdempotencyKey,
        options.maxAttempts,
      )
      if (!again) throw error
      const delayMs = retryDelay(
        attemptNumber - 1,
        options.random,
        error.retryAfterMs,
        options.backoff,
      )
      if (options.now() - started + delayMs > options.maxElapsedMs) throw error
      options.onRetry?.({ attempt: attemptNumber, delayMs, error })
      await options.sleep(delayMs)
    }
  }
}

/** setTimeout as a promise; an abort ends the wait early with the signal's reason. */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
