import type { DatabaseHandle } from '../../../db/connection'
import {
  startDemoInsurer,
  type DemoInsurerOptions,
  type RunningDemoInsurer,
} from '../../../demo-insurer/server'
import type { InsurerAdapter } from '../../../electron/main/core/insurer/adapter'
import { createHttpInsurerClient } from '../../../electron/main/core/insurer/http-client'
import {
  canonicalHashOfCache,
  canonicalHashOfContracts,
  type CanonicalHash,
} from '../../../electron/main/core/sync/canonical-hash'
import {
  syncInsurer,
  type SyncInsurerOptions,
  type SyncSummary,
} from '../../../electron/main/core/sync/sync-insurer'
import { tempDir } from '../../support/temp-db'
import { INSURER, syncDatabase } from '../../unit/sync/sync-db'

export { INSURER }
export const START_AT = Date.parse('2026-11-23T10:00:00+09:00')
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** One request the client made, as the insurer saw it. */
export interface SeenRequest {
  path: string
  cursor: string | null
}

export interface SyncHarness {
  server: RunningDemoInsurer
  database: DatabaseHandle
  adapter: InsurerAdapter
  requests: SeenRequest[]
  sync(options?: Partial<SyncInsurerOptions>): Promise<SyncSummary>
  /** The cache's canonical hash and the insurer's own, for one comparison. */
  hashes(): { cache: CanonicalHash; insurer: CanonicalHash }
  /** Moves the insurer's simulated clock in steps (each step runs the simulation). */
  advance(total: number, step?: number): void
  close(): Promise<void>
}

/** Real waits would make fault tests slow; their order is kept, their length capped. */
const shortSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 20)))

export async function startSyncHarness(
  options: Partial<DemoInsurerOptions> = {},
): Promise<SyncHarness> {
  const server = await startDemoInsurer({
    port: 0,
    contracts: 1000,
    seed: 1,
    startAt: START_AT,
    speed: 0,
    ...options,
  })
  const dir = tempDir('renewal-desk-sync-')
  const database = await syncDatabase(dir.file('sync.sqlite'))
  const requests: SeenRequest[] = []
  const countingFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    requests.push({ path: url.pathname, cursor: url.searchParams.get('cursor') })
    return fetch(input, init)
  }
  const adapter = createHttpInsurerClient(
    {
      insurerId: INSURER,
      baseUrl: server.url,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      timeoutMs: 5_000,
      maxAttempts: 12,
    },
    {
      fetch: countingFetch,
      sleep: shortSleep,
      // Above maxAttempts, so a run of injected errors cannot trip it mid-test.
      breaker: { threshold: 50, halfOpenAfterMs: 50 },
    },
  )
  return {
    server,
    database,
    adapter,
    requests,
    sync: (extra = {}) =>
      syncInsurer({
        database,
        insurerId: INSURER,
        adapter,
        now: () => new Date(),
        pageSize: 100,
        ...extra,
      }),
    hashes: () => ({
      cache: canonicalHashOfCache(database.sqlite, INSURER),
      insurer: canonicalHashOfContracts(server.snapshot()),
    }),
    advance(total, step = 6 * HOUR) {
      for (let moved = 0; moved < total; moved += step)
        server.advance(Math.min(step, total - moved))
    },
    async close() {
      await server.close()
      await database.close()
      dir.remove()
    },
  }
}

export function syncStateRow(database: DatabaseHandle): Record<string, unknown> {
  return database.sqlite
    .prepare('SELECT * FROM sync_state WHERE insurer_id = ?')
    .get(INSURER) as Record<string, unknown>
}

export function scalar(database: DatabaseHandle, sql: string, ...params: unknown[]): number {
  return (database.sqlite.prepare(sql).get(...params) as { n: number }).n
}
