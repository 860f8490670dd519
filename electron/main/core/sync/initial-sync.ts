import { prepareSearchKeyWriter } from '../../../../db/queries/contract-search'
import { isInsurerError } from '../insurer/errors'
import type { Contract, ContractPage } from '../insurer/wire'
import { decodeSnapshotRun, type SnapshotRun } from './sync-state'
import { chunks, etaMs, yieldToEventLoop, type SyncRun } from './sync-run'

/**
 * Rowids per sweep transaction. The sweep walks the table by rowid range (primary key), so
 * each transaction reads a bounded slice whatever the size of the book.
 */
export const SWEEP_ROWS_PER_TRANSACTION = 20_000

export interface InitialSyncOptions {
  /** Stop after this many pages in this call (the next call resumes); default no limit. */
  maxPages?: number
}

/**
 * The full snapshot (GET /v1/contracts), resumable page by page:
 * - each page commits together with its resume point (snapshot_cursor) — the first page also
 *   with the change feed's start (change_cursor) — so a crash or quit loses at most the page
 *   in flight, and re-applying part of a page is harmless (versions only move forward);
 * - "seen in this run" is contracts.synced_at ≥ the run's start, so no set of policy
 *   numbers is held in memory; after the last page, a sweep tombstones this insurer's live
 *   contracts the run did not see, then marks the snapshot complete.
 * Returns complete: false when stopped by maxPages.
 */
export async function runInitialSync(
  run: SyncRun,
  options: InitialSyncOptions = {},
): Promise<{ complete: boolean }> {
  // Small page transactions dirty random index pages (plate, kana, maturity); checkpointing
  // after every ~4 MiB of WAL copied the same pages over and over, so the snapshot raises the
  // threshold. It also commits with synchronous=NORMAL: in WAL mode a commit is still atomic
  // (a page and its resume point land together or not at all), and a power cut can only
  // lose the last pages, which the resumed snapshot fetches again. The change feed and the
  // outbox keep FULL. Per connection, restored afterwards, like seed-demo's cache_size.
  const checkpointPages = Number(run.sqlite.pragma('wal_autocheckpoint', { simple: true }))
  const synchronous = Number(run.sqlite.pragma('synchronous', { simple: true }))
  run.sqlite.pragma('synchronous = NORMAL')
  run.sqlite.pragma(`wal_autocheckpoint = ${SNAPSHOT_WAL_AUTOCHECKPOINT}`)
  try {
    return await snapshotPages(run, options)
  } finally {
    run.sqlite.pragma(`wal_autocheckpoint = ${checkpointPages}`)
    run.sqlite.pragma(`synchronous = ${synchronous}`)
  }
}

/** WAL pages (~40 MiB) before an automatic checkpoint while a snapshot is written. */
export const SNAPSHOT_WAL_AUTOCHECKPOINT = 10_000

async function snapshotPages(
  run: SyncRun,
  options: InitialSyncOptions,
): Promise<{ complete: boolean }> {
  const started = performance.now()
  const stored = run.state.read(run.nowMs())
  let snapshot: SnapshotRun | null =
    stored.snapshot_complete === 1 ? null : decodeSnapshotRun(stored.snapshot_cursor)
  let cursor: string | undefined = snapshot?.next ?? undefined
  let retriedFromStart = false
  let done = 0
  let total: number | null = null
  let pages = 0
  const fetchPage = (from: string | undefined) =>
    run.adapter.listContracts({
      ...(from === undefined ? {} : { cursor: from }),
      limit: run.pageSize,
    })
  let prefetched: Promise<ContractPage> | null = null

  while (snapshot === null || snapshot.next !== null) {
    run.signal?.throwIfAborted()
    if (options.maxPages !== undefined && pages >= options.maxPages) return { complete: false }
    const runStartedAt = snapshot?.runStartedAt ?? run.nowMs()
    let page: ContractPage
    try {
      page = await (prefetched ?? fetchPage(cursor))
      prefetched = null
    } catch (error) {
      prefetched = null
      // A saved cursor the insurer no longer knows (e.g. it restarted): start the run over
      // once, rather than failing every sync from now on.
      if (cursor !== undefined && !retriedFromStart && isUnknownCursor(error)) {
        retriedFromStart = true
        snapshot = null
        cursor = undefined
        continue
      }
      throw error
    }
    run.signal?.throwIfAborted()
    const first = cursor === undefined
    if (first && page.total !== undefined) total = page.total
    snapshot = { runStartedAt, next: page.nextCursor }
    const more = options.maxPages === undefined || pages + 1 < options.maxPages
    if (page.nextCursor !== null && more) {
      // The next page travels while this one is written; a failure surfaces when awaited.
      prefetched = fetchPage(page.nextCursor)
      prefetched.catch(() => {})
      await yieldToEventLoop()
    }
    writePage(run, page.items, snapshot, first ? page.changesCursor : undefined)
    pages++
    done += page.items.length
    const elapsedMs = performance.now() - started
    run.onProgress({
      phase: 'snapshot',
      done,
      total,
      elapsedMs,
      etaMs: etaMs(done, total, elapsedMs),
    })
    await yieldToEventLoop()
    if (page.nextCursor !== null) cursor = page.nextCursor
  }

  await sweepUnseen(run, snapshot.runStartedAt)
  return { complete: true }
}

function isUnknownCursor(error: unknown): boolean {
  return isInsurerError(error, 'rejected') || isInsurerError(error, 'cursor_expired')
}

function writePage(
  run: SyncRun,
  items: readonly Contract[],
  snapshot: SnapshotRun,
  changesCursor: string | undefined,
): void {
  for (const [slice, last] of chunks(items, run.maxRowsPerTransaction)) {
    run.transaction(() => {
      const at = run.nowMs()
      for (const contract of slice) {
        // One endpoint may serve several insurer rows (the demo insurer): keep only ours.
        if (!run.accepts(contract.policyNumber)) continue
        const outcome = run.changes.contracts.apply(contract, at, { deferSearchKey: true })
        if (outcome !== 'unchanged') run.counters.contractsUpserted++
      }
      // The resume point goes in with the page's last rows, never before them.
      if (last) run.state.saveSnapshotRun(snapshot, changesCursor, at)
    })
  }
  run.counters.pages++
}

/**
 * Tombstones live contracts of this insurer not stamped by this run. Each slice is its own
 * transaction and is idempotent (same marker), so a crash mid-sweep just sweeps again on
 * resume; snapshot_complete is set only after the last slice.
 */
async function sweepUnseen(run: SyncRun, runStartedAt: number): Promise<void> {
  const { sqlite } = run
  // `+insurer_id` keeps SQLite on the rowid range instead of the (insurer_id, policy) index.
  const sweep = sqlite.prepare(
    `UPDATE contracts SET deleted_at = @at, updated_at = @at
     WHERE id >= @from AND id < @to AND +insurer_id = @insurerId AND deleted_at IS NULL
       AND (synced_at IS NULL OR synced_at < @runStartedAt)`,
  )
  const bounds = sqlite.prepare('SELECT min(id) AS low, max(id) AS high FROM contracts').get() as {
    low: number | null
    high: number | null
  }
  if (bounds.low !== null && bounds.high !== null) {
    for (let from = bounds.low; from <= bounds.high; from += SWEEP_ROWS_PER_TRANSACTION) {
      run.signal?.throwIfAborted()
      const to = from + SWEEP_ROWS_PER_TRANSACTION
      const { changes } = run.transaction(() =>
        sweep.run({ at: run.nowMs(), from, to, insurerId: run.insurerId, runStartedAt }),
      )
      run.counters.tombstoned += changes
      await yieldToEventLoop()
    }
  }
  await refreshSearchKeys(run)
  run.transaction(() => run.state.completeSnapshot(run.nowMs()))
}

/**
 * Writes the search keys the snapshot pages left out, by rowid range like the sweep. The
 * writer skips a key that did not change, so a resumed or repeated pass costs only reads.
 * Until it ends, a search may miss contracts of the run in progress (the list shows them).
 */
async function refreshSearchKeys(run: SyncRun): Promise<void> {
  const { sqlite } = run
  const rows = sqlite.prepare(
    `SELECT c.id, cl.name_kanji, cl.name_kana, c.named_insured_name, c.named_insured_kana,
       cl.phone, c.vehicle_plate, c.policy_number
     FROM contracts c JOIN clients cl ON cl.id = c.client_id
     WHERE c.id >= ? AND c.id < ? AND +c.insurer_id = ? AND c.deleted_at IS NULL`,
  )
  const keys = prepareSearchKeyWriter(sqlite)
  const bounds = sqlite.prepare('SELECT min(id) AS low, max(id) AS high FROM contracts').get() as {
    low: number | null
    high: number | null
  }
  if (bounds.low === null || bounds.high === null) return
  for (let from = bounds.low; from <= bounds.high; from += SEARCH_KEY_ROWS_PER_TRANSACTION) {
    run.signal?.throwIfAborted()
    const slice = rows.all(from, from + SEARCH_KEY_ROWS_PER_TRANSACTION, run.insurerId) as {
      id: number
      name_kanji: string
      name_kana: string
      named_insured_name: string
      named_insured_kana: string
      phone: string | null
      vehicle_plate: string
      policy_number: string
    }[]
    run.transaction(() => {
      for (const r of slice) {
        keys.write(r.id, {
          clientName: r.name_kanji,
          clientKana: r.name_kana,
          namedInsuredName: r.named_insured_name,
          namedInsuredKana: r.named_insured_kana,
          phone: r.phone,
          plate: r.vehicle_plate,
          policyNumber: r.policy_number,
        })
      }
    })
    await yieldToEventLoop()
  }
}

/** Contracts per search-key transaction: large, because FTS5 flushes its index per commit. */
export const SEARCH_KEY_ROWS_PER_TRANSACTION = 2_000
