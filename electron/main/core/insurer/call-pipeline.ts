import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  type CircuitBreakerPolicy,
  circuitBreaker,
  handleWhen,
} from 'cockatiel'
import { createLogger } from '../logger'
import { errorFromException } from './classify'
import { InsurerError, type InsurerErrorKind } from './errors'
import { runWithRetry, type Sleep } from './retry-loop'
import type { BackoffOptions, HttpMethod } from './retry-policy'
import type { TokenManager } from './token-manager'

const log = createLogger('insurer-client')

/** Kinds that say "the insurer is down" (not "busy" or "closed on schedule"): they trip the breaker. */
const OUTAGE_KINDS: ReadonlySet<InsurerErrorKind> = new Set([
  'offline',
  'server_error',
  'outcome_unknown',
])

export interface BreakerOptions {
  /** Consecutive outage failures (attempts, not calls) that open the circuit. */
  threshold: number
  /** How long an open circuit refuses calls before letting one probe through. */
  halfOpenAfterMs: number
}

export const DEFAULT_BREAKER: BreakerOptions = { threshold: 5, halfOpenAfterMs: 30_000 }

export interface PipelineOptions {
  insurerId: string
  tokens: TokenManager
  timeoutMs: number
  maxAttempts: number
  maxElapsedMs: number
  backoff: BackoffOptions
  breaker: BreakerOptions
  now: () => number
  sleep: Sleep
  random: () => number
}

export interface CallSpec {
  operation: string
  method: HttpMethod
  /** Only POSTs that carry an Idempotency-Key may be retried. */
  hasIdempotencyKey: boolean
}

export interface CallPipeline {
  /**
   * retry → circuit breaker → token (one refresh on 401) → timeout → `send`.
   * `send` resolves with parsed data or throws an InsurerError for a bad status.
   */
  call<T>(spec: CallSpec, send: (token: string, signal: AbortSignal) => Promise<T>): Promise<T>
  /** One request under the timeout, with thrown fetch errors mapped to kinds. */
  exchange<T>(
    operation: string,
    method: HttpMethod,
    send: (signal: AbortSignal) => Promise<T>,
  ): Promise<T>
}

export function createCallPipeline(options: PipelineOptions): CallPipeline {
  // One breaker per insurer: when it is down, every operation fails fast instead of each
  // one spending its own retries (and the insurer's patience) on a known outage.
  // Note: cockatiel reads Date.now() for halfOpenAfter; it is not driven by options.now.
  const breaker: CircuitBreakerPolicy = circuitBreaker(
    handleWhen((e) => e instanceof InsurerError && OUTAGE_KINDS.has(e.kind)),
    {
      halfOpenAfter: options.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.breaker.threshold),
    },
  )
  breaker.onBreak(() => log.warn('circuit opened', { insurerId: options.insurerId }))
  breaker.onReset(() => log.info('circuit closed', { insurerId: options.insurerId }))

  const exchange: CallPipeline['exchange'] = async (operation, method, send) => {
    const signal = AbortSignal.timeout(options.timeoutMs)
    try {
      // Raced as well as passed down: a fetch wrapper that drops the signal still times out.
      return await Promise.race([send(signal), rejectOnAbort(signal)])
    } catch (error) {
      throw errorFromException(operation, method, error, signal.aborted)
    }
  }

  const attemptOnce = async <T>(
    spec: CallSpec,
    send: (token: string, signal: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    try {
      return await breaker.execute(() =>
        options.tokens.withToken((token) =>
          exchange(spec.operation, spec.method, (signal) => send(token, signal)),
        ),
      )
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new InsurerError('offline', {
          operation: spec.operation,
          circuitOpen: true,
          retryAfterMs: options.breaker.halfOpenAfterMs,
        })
      }
      throw error
    }
  }

  return {
    exchange,
    call: (spec, send) =>
      runWithRetry(() => attemptOnce(spec, send), {
        method: spec.method,
        hasIdempotencyKey: spec.hasIdempotencyKey,
        maxAttempts: options.maxAttempts,
        maxElapsedMs: options.maxElapsedMs,
        backoff: options.backoff,
        now: options.now,
        sleep: options.sleep,
        random: options.random,
        onRetry: ({ attempt, delayMs, error }) =>
          log.warn('retrying', {
            insurerId: options.insurerId,
            operation: spec.operation,
            kind: error.kind,
            status: error.status,
            attempt,
            delayMs,
          }),
      }),
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}
