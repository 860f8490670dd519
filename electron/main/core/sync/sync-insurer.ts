import type { DatabaseHandle } from '../../../../db/connection'
import type { InsurerAdapter } from '../insurer/adapter'
import { isInsurerError } from '../insurer/errors'
import { createLogger } from '../logger'
import { DEFAULT_DELTA_OPTIONS, runDeltaSync } from './delta-sync'
import { runInitialSync } from './initial-sync'
import { createSyncRun, type SyncProgress, type SyncRun } from './sync-run'

const log = createLogger('sync')

/** Items per request: the API's default, and its maximum is 1000. */
export const DEFAULT_PAGE_SIZE = 500
/**
 * Rows per write transaction. A page larger than this commits in several transactions, the
 * cursor with the last one, so a long page never holds the writer (and the window) for long.
 * One default page: most of a transaction's time is its commit (each row touches a leaf page
 * in every index, and the commit writes all of them), so halving the commits saved more than
 * the extra rows cost. Initial sync of 100k, three runs each: 250 rows 2,300-2,640 rows/s,
 * longest transaction 320-464 ms; 500 rows 2,600-2,910 rows/s, longest 264-368 ms.
 */
export const DEFAULT_ROWS_PER_TRANSACTION = DEFAULT_PAGE_SIZE

export interface SyncInsurerOptions {
  database: DatabaseHandle
  insurerId: string
  adapter: InsurerAdapter
  now: () => Date
  onProgress?: (progress: SyncProgress) => void
  /** Quit or cancel: stops between pages; everything committed so far stays. */
  signal?: AbortSignal
  pageSize?: number
  maxRowsPerTransaction?: number
  /** Snapshot pages per call (default: all). A later call resumes where this one stopped. */
  maxSnapshotPages?: number
  /** Change-feed pages per call, and a wall-time budget for them. */
  maxChangePages?: number
  timeBudgetMs?: number
  /**
   * Which policy numbers belong to this insurer's cache; default all. Needed only when one
   * endpoint serves several insurer rows (the demo insurer serves demo-a and demo-b).
   */
  acceptPolicy?: (policyNumber: string) => boolean
}

export interface SyncSummary {
  /** Contracts inserted or changed (version skips excluded). */
  contractsUpserted: number
  tombstoned: number
  /** New timeline events from the feed. */
  events: number
  pages: number
  /** A 410 forced a full resync during this call. */
  resynced: boolean
  snapshotComplete: boolean
  /** Stopped by a page or time bound with more to read: call again soon. */
  hasMore: boolean
  longestTransactionMs: number
}

const INTERNAL_MESSAGE =
  '同期中に内部エラーが発生しました。時間をおいて再試行し、続く場合はサポートに連絡してください。 / ' +
  'An internal error stopped the sync. Try again later; if it persists, contact support.'

// One sync per insurer and database at a time: a second caller joins the running one.
const running = new WeakMap<object, Map<string, Promise<SyncSummary>>>()

/**
 * Brings one insurer's part of the cache up to date: the snapshot while it is incomplete
 * (resuming from the saved page), then the change feed. sync_state records the attempt,
 * the success, or the error (code = InsurerError kind, message in words, no personal data).
 * Insurer errors propagate after being recorded: the scheduler decides when to retry
 * (site_closed carries reopensAt). An abort is not recorded as an error.
 */
export function syncInsurer(options: SyncInsurerOptions): Promise<SyncSummary> {
  const byInsurer = running.get(options.database.sqlite) ?? new Map<string, Promise<SyncSummary>>()
  running.set(options.database.sqlite, byInsurer)
  const current = byInsurer.get(options.insurerId)
  if (current) return current
  const promise = syncOnce(options).finally(() => byInsurer.delete(options.insurerId))
  byInsurer.set(options.insurerId, promise)
  return promise
}

async function syncOnce(options: SyncInsurerOptions): Promise<SyncSummary> {
  const run = createSyncRun({
    sqlite: options.database.sqlite,
    insurerId: options.insurerId,
    adapter: options.adapter,
    now: options.now,
    signal: options.signal,
    onProgress: options.onProgress,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    maxRowsPerTransaction: options.maxRowsPerTransaction ?? DEFAULT_ROWS_PER_TRANSACTION,
    acceptPolicy: options.acceptPolicy,
  })
  run.state.read(run.nowMs())
  run.state.recordAttempt(run.nowMs())
  let resynced = false
  try {
    const snapshot = await snapshotIfNeeded(run, options)
    if (!snapshot) return summary(run, { resynced, snapshotComplete: false, hasMore: true })
    let delta: { hasMore: boolean }
    try {
      delta = await runDeltaSync(run, deltaOptions(options))
    } catch (error) {
      if (!isInsurerError(error, 'cursor_expired')) throw error
      // The feed no longer reaches back to our cursor: read everything again. Contracts are
      // matched by policy number, so ids — and the notes and outbox rows on them — survive.
      log.warn('change cursor expired; full resync', { insurerId: options.insurerId })
      resynced = true
      run.transaction(() => run.state.resetSnapshot(run.nowMs()))
      if (!(await snapshotIfNeeded(run, options)))
        return summary(run, { resynced, snapshotComplete: false, hasMore: true })
      delta = await runDeltaSync(run, deltaOptions(options))
    }
    run.state.recordSuccess(run.nowMs())
    const result = summary(run, { resynced, snapshotComplete: true, hasMore: delta.hasMore })
    log.info('sync finished', { insurerId: options.insurerId, ...result })
    return result
  } catch (error) {
    if (options.signal?.aborted) throw error
    const code = isInsurerError(error) ? error.kind : 'internal'
    const message = isInsurerError(error) ? error.message : INTERNAL_MESSAGE
    run.state.recordFailure(run.nowMs(), code, message)
    // Only the kind and class: an unexpected error's text could quote a row.
    log.warn('sync failed', {
      insurerId: options.insurerId,
      code,
      error: error instanceof Error ? error.name : 'unknown',
    })
    throw error
  }
}

async function snapshotIfNeeded(run: SyncRun, options: SyncInsurerOptions): Promise<boolean> {
  if (run.state.read(run.nowMs()).snapshot_complete === 1) return true
  const { complete } = await runInitialSync(run, {
    ...(options.maxSnapshotPages === undefined ? {} : { maxPages: options.maxSnapshotPages }),
  })
  return complete
}

function deltaOptions(options: SyncInsurerOptions) {
  return {
    maxPages: options.maxChangePages ?? DEFAULT_DELTA_OPTIONS.maxPages,
    timeBudgetMs: options.timeBudgetMs ?? DEFAULT_DELTA_OPTIONS.timeBudgetMs,
  }
}

function summary(
  run: SyncRun,
  flags: Pick<SyncSummary, 'resynced' | 'snapshotComplete' | 'hasMore'>,
): SyncSummary {
  const c = run.counters
  return {
    contractsUpserted: c.contractsUpserted,
    tombstoned: c.tombstoned,
    events: c.events,
    pages: c.pages,
    ...flags,
    longestTransactionMs: Math.round(c.longestTransactionMs * 100) / 100,
  }
}
