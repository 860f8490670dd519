import type { Change } from '../insurer/wire'
import { chunks, yieldToEventLoop, type SyncRun } from './sync-run'

export interface DeltaSyncOptions {
  /** Pages per call; the rest waits for the next call (hasMore: true). */
  maxPages: number
  /** Stop starting new pages after this much wall time. */
  timeBudgetMs: number
}

export const DEFAULT_DELTA_OPTIONS: DeltaSyncOptions = { maxPages: 200, timeBudgetMs: 60_000 }

/**
 * Reads the change feed (GET /v1/changes) from sync_state.change_cursor. Each page and its
 * nextCursor commit in the same transaction — never the cursor first — so after a crash the
 * page is simply read again; replays are no-ops (versions, remote_seq, forward-only
 * outbox transitions). Bounded by pages and time so one call cannot run away; a 410
 * (cursor_expired) propagates to syncInsurer, which resyncs.
 */
export async function runDeltaSync(
  run: SyncRun,
  options: DeltaSyncOptions = DEFAULT_DELTA_OPTIONS,
): Promise<{ hasMore: boolean }> {
  const started = performance.now()
  let cursor = run.state.read(run.nowMs()).change_cursor
  let done = 0
  for (let pages = 0; ;) {
    run.signal?.throwIfAborted()
    const page = await run.adapter.listChanges({
      ...(cursor === null ? {} : { cursor }),
      limit: run.pageSize,
    })
    run.signal?.throwIfAborted()
    // An idle poll: nothing new and the same cursor, so nothing to commit (no fsync).
    if (page.items.length > 0 || page.nextCursor !== cursor)
      writePage(run, page.items, page.nextCursor)
    cursor = page.nextCursor
    pages++
    run.counters.pages++
    done += page.items.length
    const elapsedMs = performance.now() - started
    run.onProgress({ phase: 'changes', done, total: null, elapsedMs, etaMs: null })
    if (!page.hasMore) return { hasMore: false }
    if (pages >= options.maxPages || elapsedMs >= options.timeBudgetMs) return { hasMore: true }
    await yieldToEventLoop()
  }
}

function writePage(run: SyncRun, items: readonly Change[], nextCursor: string): void {
  for (const [slice, last] of chunks(items, run.maxRowsPerTransaction)) {
    run.transaction(() => {
      const at = run.nowMs()
      for (const change of slice) {
        const outcome = run.changes.apply(change, at)
        if (outcome === 'inserted' || outcome === 'updated') run.counters.contractsUpserted++
        else if (outcome === 'tombstoned') run.counters.tombstoned++
        else if (outcome === 'event') run.counters.events++
      }
      if (last) run.state.saveChangeCursor(nextCursor, at)
    })
  }
}
