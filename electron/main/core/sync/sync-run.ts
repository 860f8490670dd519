import type BetterSqlite3 from 'better-sqlite3'
import type { InsurerAdapter } from '../insurer/adapter'
import { prepareChangeApplier, type ChangeApplier } from './apply-change'
import { prepareSyncState, type SyncStateStore } from './sync-state'

export type SyncPhase = 'snapshot' | 'changes'

/** For the status bar: `total` and `etaMs` are null when the insurer gave no total. */
export interface SyncProgress {
  phase: SyncPhase
  done: number
  total: number | null
  elapsedMs: number
  etaMs: number | null
}

export interface SyncCounters {
  contractsUpserted: number
  tombstoned: number
  events: number
  pages: number
  /** Wall time of the longest write transaction: what the window could have stalled for. */
  longestTransactionMs: number
}

/** Everything one sync of one insurer shares: statements are prepared once per run. */
export interface SyncRun {
  sqlite: BetterSqlite3.Database
  insurerId: string
  adapter: InsurerAdapter
  nowMs: () => number
  signal: AbortSignal | undefined
  onProgress: (progress: SyncProgress) => void
  pageSize: number
  maxRowsPerTransaction: number
  state: SyncStateStore
  changes: ChangeApplier
  counters: SyncCounters
  /** Whether a policy number belongs to this insurer's cache (all, unless an endpoint is shared). */
  accepts: (policyNumber: string) => boolean
  /** Runs `fn` in one write transaction and keeps the longest duration. */
  transaction<T>(fn: () => T): T
}

export interface SyncRunOptions {
  sqlite: BetterSqlite3.Database
  insurerId: string
  adapter: InsurerAdapter
  now: () => Date
  signal?: AbortSignal | undefined
  onProgress?: ((progress: SyncProgress) => void) | undefined
  pageSize: number
  maxRowsPerTransaction: number
  acceptPolicy?: ((policyNumber: string) => boolean) | undefined
}

export function createSyncRun(options: SyncRunOptions): SyncRun {
  const { sqlite } = options
  const counters: SyncCounters = {
    contractsUpserted: 0,
    tombstoned: 0,
    events: 0,
    pages: 0,
    longestTransactionMs: 0,
  }
  return {
    sqlite,
    insurerId: options.insurerId,
    adapter: options.adapter,
    nowMs: () => options.now().getTime(),
    signal: options.signal,
    onProgress: options.onProgress ?? (() => {}),
    pageSize: options.pageSize,
    maxRowsPerTransaction: options.maxRowsPerTransaction,
    state: prepareSyncState(sqlite, options.insurerId),
    changes: prepareChangeApplier(sqlite, options.insurerId, {
      ...(options.acceptPolicy ? { acceptPolicy: options.acceptPolicy } : {}),
    }),
    counters,
    accepts: options.acceptPolicy ?? (() => true),
    transaction(fn) {
      const start = performance.now()
      try {
        return sqlite.transaction(fn).immediate()
      } finally {
        counters.longestTransactionMs = Math.max(
          counters.longestTransactionMs,
          performance.now() - start,
        )
      }
    },
  }
}

/** Lets the window's events (input, paint, IPC) run between two transactions. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Splits a page into transactions of at most `size` items; `last` is true for the final
 * one, which is where the page's cursor is saved. Always yields once, so an empty page still
 * gets its cursor written.
 */
export function* chunks<T>(items: readonly T[], size: number): Generator<[T[], boolean]> {
  if (items.length === 0) {
    yield [[], true]
    return
  }
  for (let from = 0; from < items.length; from += size) {
    yield [items.slice(from, from + size), from + size >= items.length]
  }
}

export function etaMs(done: number, total: number | null, elapsedMs: number): number | null {
  if (total === null || done <= 0) return null
  return Math.max(0, Math.round((elapsedMs / done) * (total - done)))
}
