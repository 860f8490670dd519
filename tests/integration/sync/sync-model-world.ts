import { copyFileSync, rmSync } from 'node:fs'
import { type DatabaseHandle, openDatabase } from '../../../db/connection'
import { DEMO_INSURERS } from '../../../demo-data/reference'
import type { RunningDemoInsurer } from '../../../demo-insurer/server'
import { SEED_RULE_SET, siteStatus } from '../../../electron/common/domain/insurer-rules'
import type { InsurerAdapter } from '../../../electron/main/core/insurer/adapter'
import type { Change } from '../../../electron/main/core/insurer/wire'
import { drainOutbox } from '../../../electron/main/core/outbox/drain-outbox'
import { recoverOutbox } from '../../../electron/main/core/outbox/recover-outbox'
import { reconcileAcceptedReissues } from '../../../electron/main/core/outbox/settle-reissue'
import {
  canonicalHashOfCache,
  canonicalHashOfContracts,
} from '../../../electron/main/core/sync/canonical-hash'
import { syncInsurer, type SyncSummary } from '../../../electron/main/core/sync/sync-insurer'
import { clientFor, START_AT, startTestInsurer } from '../outbox/harness'

/**
 * One run of the sync model: a fresh demo insurer (so a failing sequence replays the same
 * insurer history when fast-check shrinks it), a copy of the seeded book, and the app's
 * clock. The app's clock moves with every insurer advance and on its own ticks, so it is
 * never behind the insurer's: idempotency keys expire on the app's side first, as in life.
 */
export const INSURERS = DEMO_INSURERS.map((d) => ({ id: d.id, series: d.policySeries }))

/** Small pages and transactions so a 200-contract snapshot spans pages and commits. */
const PAGE_SIZE = 40
const ROWS_PER_TRANSACTION = 16
const FEED_READ_PAGE = 1000

export interface SyncBounds {
  maxSnapshotPages?: number
  maxChangePages?: number
}

export interface ModelWorld {
  server: RunningDemoInsurer
  clock: { now: number }
  readonly database: DatabaseHandle
  readonly adapter: InsurerAdapter
  /**
   * Per insurer, the feed cursor its first snapshot page committed: every event after it
   * must reach the timeline, nothing before it can.
   */
  feedStart: Map<string, string>
  sync(insurerId: string, bounds?: SyncBounds, adapter?: InsurerAdapter): Promise<SyncSummary>
  drain(adapter?: InsurerAdapter): ReturnType<typeof drainOutbox>
  reconcile(): ReturnType<typeof reconcileAcceptedReissues>
  /** Close and reopen the file with a new client (no token), then recover the outbox. */
  restart(): Promise<void>
  /** Insurer-side changes: the demo insurer's simulation runs for `ms` (skipping the nightly closure). */
  passTime(ms: number): void
  close(): Promise<void>
}

export async function startModelWorld(options: {
  template: string
  file: string
  book: { contracts: number; seed: number }
}): Promise<ModelWorld> {
  copyFileSync(options.template, options.file)
  const server = await startTestInsurer(options.book)
  const clock = { now: START_AT }
  let database = openDatabase({ path: options.file })
  let adapter = clientFor(server, clock)
  const feedStart = new Map<string, string>()

  const readChangeCursor = (insurerId: string) =>
    (
      database.sqlite
        .prepare('SELECT change_cursor FROM sync_state WHERE insurer_id = ?')
        .get(insurerId) as { change_cursor: string | null } | undefined
    )?.change_cursor ?? null

  return {
    server,
    clock,
    get database() {
      return database
    },
    get adapter() {
      return adapter
    },
    feedStart,
    sync(insurerId, bounds = {}, using = adapter) {
      const series = INSURERS.find((i) => i.id === insurerId)!.series
      const sqlite = database.sqlite
      return syncInsurer({
        database,
        insurerId,
        adapter: using,
        now: () => new Date(clock.now),
        pageSize: PAGE_SIZE,
        maxRowsPerTransaction: ROWS_PER_TRANSACTION,
        acceptPolicy: (policyNumber) => policyNumber.startsWith(series),
        ...bounds,
        onProgress: (p) => {
          // Called right after a snapshot page committed; the first page set the feed start.
          if (p.phase !== 'snapshot' || sqlite !== database.sqlite) return
          const cursor = readChangeCursor(insurerId)
          if (cursor !== null) feedStart.set(insurerId, cursor)
        },
      })
    },
    drain: (using = adapter) =>
      drainOutbox({
        database,
        adapterFor: () => using,
        now: () => clock.now,
        sleep: () => Promise.resolve(),
        paceMs: 0,
        // Fixed jitter: a shrunk sequence retries at the same moments as the original.
        random: () => 0.5,
      }),
    reconcile: () =>
      reconcileAcceptedReissues({ database, adapterFor: () => adapter, now: () => clock.now }),
    async restart() {
      await database.close()
      database = openDatabase({ path: options.file })
      adapter = clientFor(server, clock)
      await recoverOutbox(database, clock.now)
    },
    passTime(ms) {
      const before = server.now()
      server.advance(ms)
      const status = siteStatus(new Date(server.now()), SEED_RULE_SET)
      if (!status.open) server.advance(status.reopensAt.getTime() - server.now())
      clock.now += server.now() - before
    },
    async close() {
      await server.close()
      await database.close()
      // A long soak would otherwise keep every run's file until the end.
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.file}${suffix}`, { force: true })
    },
  }
}

/** The cache's canonical hash and the insurer's, per insurer. */
export function hashesOf(world: ModelWorld) {
  const truth = [...world.server.snapshot()]
  return INSURERS.map(({ id, series }) => ({
    id,
    cache: canonicalHashOfCache(world.database.sqlite, id),
    insurer: canonicalHashOfContracts(truth.filter((c) => c.policyNumber.startsWith(series))),
  }))
}

export interface FeedEvent {
  seq: number
  policyNumber: string
  kind: string
}

/** Every event the insurer's feed holds after `cursor` for one policy series. */
export async function feedEventsAfter(
  adapter: InsurerAdapter,
  cursor: string,
  series: string,
): Promise<FeedEvent[]> {
  const events: FeedEvent[] = []
  let next = cursor
  // Bounded: a run produces a few thousand feed items at most.
  for (let page = 0; page < 1000; page++) {
    const read = await adapter.listChanges({ cursor: next, limit: FEED_READ_PAGE })
    for (const item of read.items) if (isEventOf(item, series)) events.push(toFeedEvent(item))
    next = read.nextCursor
    if (!read.hasMore) return events
  }
  throw new Error('the feed did not end within 1000 pages')
}

function isEventOf(item: Change, series: string): item is Extract<Change, { kind: 'event' }> {
  return item.kind === 'event' && item.policyNumber.startsWith(series)
}

function toFeedEvent(item: Extract<Change, { kind: 'event' }>): FeedEvent {
  return { seq: item.seq, policyNumber: item.policyNumber, kind: item.event.type }
}

/** The insurer events the timeline holds for one insurer's contracts, in feed order. */
export function timelineEvents(database: DatabaseHandle, insurerId: string): FeedEvent[] {
  return database.sqlite
    .prepare(
      `SELECT t.remote_seq AS seq, c.policy_number AS policyNumber, t.kind
       FROM timeline_events t JOIN contracts c ON c.id = t.contract_id
       WHERE t.source = 'insurer' AND t.remote_seq IS NOT NULL AND c.insurer_id = ?
       ORDER BY t.remote_seq`,
    )
    .all(insurerId) as FeedEvent[]
}

/** How often each (reissue id, event kind) appears in the timeline: never more than once. */
export function reissueEventCounts(database: DatabaseHandle) {
  return database.sqlite
    .prepare(
      `SELECT json_extract(detail_json, '$.reissueId') AS reissueId, kind, count(*) AS n
       FROM timeline_events
       WHERE source = 'insurer' AND json_extract(detail_json, '$.reissueId') IS NOT NULL
       GROUP BY reissueId, kind`,
    )
    .all() as Array<{ reissueId: string; kind: string; n: number }>
}
