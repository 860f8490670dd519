import { createLogger } from '../logger'

const log = createLogger('sync-scheduler')

/** What one cycle reports back: when it may run again at the earliest, and why not sooner. */
export type CycleOutcome =
  | { kind: 'ok' }
  | { kind: 'site_closed'; reopensAt: Date }
  | { kind: 'offline' }
  | { kind: 'failed' }

export interface SchedulerDeps {
  /** Drain the outbox, then sync every insurer. Never throws: failures come back as outcomes. */
  runCycle: () => Promise<CycleOutcome>
  now: () => Date
  /** Every 5 minutes by default. */
  intervalMs?: number
  /** First retry after an outage; doubles up to intervalMs. */
  offlineRetryMs?: number
  /** Injected for tests; defaults to the real timers. */
  setTimer?: (fn: () => void, ms: number) => { cancel(): void }
}

export interface SchedulerState {
  running: boolean
  nextRunAt: Date | null
  lastOutcome: CycleOutcome | null
  intervalMs: number
}

export interface SyncScheduler {
  start(): void
  /** On demand: runs now (or joins the cycle already running). */
  runNow(): Promise<CycleOutcome>
  state(): SchedulerState
  /** Takes effect at once when the scheduler is simply waiting for its next regular run. */
  setIntervalMs(ms: number): void
  stop(): void
}

const realTimer = (fn: () => void, ms: number) => {
  const handle = setTimeout(fn, ms)
  handle.unref?.()
  return { cancel: () => clearTimeout(handle) }
}

export const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000

/**
 * Runs sync cycles every intervalMs and on demand. While the insurer's site is closed it
 * waits until the reopening instant instead of polling; after an outage it retries with a
 * growing delay (capped at the interval) so a dead insurer is not hammered. One cycle at a
 * time: an on-demand run during a scheduled one joins it.
 */
export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  let intervalMs = deps.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS
  const offlineRetryMs = deps.offlineRetryMs ?? 30_000
  const setTimer = deps.setTimer ?? realTimer
  let timer: { cancel(): void } | null = null
  let current: Promise<CycleOutcome> | null = null
  let nextRunAt: Date | null = null
  let lastOutcome: CycleOutcome | null = null
  let failures = 0
  let stopped = true

  const delayAfter = (outcome: CycleOutcome): number => {
    switch (outcome.kind) {
      case 'ok':
        failures = 0
        return intervalMs
      case 'site_closed':
        failures = 0
        return Math.max(1_000, outcome.reopensAt.getTime() - deps.now().getTime())
      case 'offline':
      case 'failed':
        failures += 1
        return Math.min(intervalMs, offlineRetryMs * 2 ** (failures - 1))
    }
  }

  const schedule = (ms: number) => {
    timer?.cancel()
    if (stopped) return
    nextRunAt = new Date(deps.now().getTime() + ms)
    timer = setTimer(() => void runNow(), ms)
  }

  const runNow = (): Promise<CycleOutcome> => {
    if (current) return current
    timer?.cancel()
    nextRunAt = null
    current = deps
      .runCycle()
      .catch((error: unknown): CycleOutcome => {
        log.error('sync cycle crashed', { error: error instanceof Error ? error.name : 'unknown' })
        return { kind: 'failed' }
      })
      .then((outcome) => {
        lastOutcome = outcome
        current = null
        schedule(delayAfter(outcome))
        return outcome
      })
    return current
  }

  return {
    start() {
      stopped = false
      void runNow()
    },
    runNow,
    state: () => ({ running: current !== null, nextRunAt, lastOutcome, intervalMs }),
    setIntervalMs(ms) {
      intervalMs = ms
      // A wait for the site to reopen or an outage backoff keeps its own timing; a regular
      // wait is restarted with the new interval.
      const waitingNormally = !stopped && current === null && lastOutcome?.kind === 'ok'
      if (waitingNormally) schedule(intervalMs)
    },
    stop() {
      stopped = true
      timer?.cancel()
      timer = null
      nextRunAt = null
    },
  }
}
