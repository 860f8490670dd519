import type { DatabaseHandle } from '../../../../db/connection'
import { demoContractAt } from '../../../../demo-data/contract'
import { validateDemoOptions } from '../../../../demo-data/options'
import { demoReferenceData } from '../../../../demo-data/reference'
import { createLogger } from '../logger'
import { deleteBook, writeReferenceData } from './reference-rows'
import { DemoRowWriter } from './rows'
import { prepareDemoInserts } from './statements'

/** app_settings key holding the parameters of the seeded demo book. */
export const DEMO_BOOK_SETTING = 'demo_book'
export interface DemoBook {
  contracts: number
  seed: number
  now: number
}

const log = createLogger('seed-demo')

/**
 * Contracts per transaction. Each chunk commits whole or not at all, so a failure leaves
 * only complete chunks behind; 10k keeps the WAL and the time between progress reports
 * small while making the per-commit fsync (synchronous=FULL) negligible.
 */
export const SEED_CHUNK_SIZE = 10_000

/** KiB (negative = size, not pages): 512 MiB at most, only while seeding. */
const SEED_CACHE_SIZE = -524288

export interface SeedDemoOptions {
  contracts: number
  seed: number
  /** "Now" for the generated states (epoch ms); also stamped in updated_at. */
  now: number
  /** Delete the existing book first instead of refusing a non-empty database. */
  replace?: boolean
  onProgress?: (done: number, total: number) => void
  /** Contracts per transaction; defaults to SEED_CHUNK_SIZE (tests use small chunks). */
  chunkSize?: number
}

/** The database already holds a book; seeding on top would mix two books. */
export class DemoBookNotEmptyError extends Error {
  readonly code = 'demo_book_not_empty'
  constructor(readonly existing: number) {
    super(
      `データベースには既に ${existing.toLocaleString('ja-JP')} 件の契約があります。置き換える場合は --replace を指定してください。 / ` +
        `The database already has ${existing.toLocaleString('en-US')} contracts; use --replace to replace them.`,
    )
    this.name = 'DemoBookNotEmptyError'
  }
}

function count(database: DatabaseHandle, table: 'contracts'): number {
  const row = database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }
  return row.n
}

function nextId(database: DatabaseHandle, table: 'contracts' | 'clients'): number {
  const row = database.sqlite
    .prepare(`SELECT coalesce(max(id), 0) + 1 AS id FROM ${table}`)
    .get() as {
    id: number
  }
  return row.id
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Fills the database with the generated demo book. The bulk path uses better-sqlite3
 * prepared statements on the writer connection directly: going through Kysely row by row
 * (query building, async hops) is an order of magnitude too slow for 1M contracts.
 */
export async function seedDemoBook(
  database: DatabaseHandle,
  options: SeedDemoOptions,
): Promise<{ contracts: number }> {
  const { contracts, seed, now } = options
  validateDemoOptions({ contracts, seed, now })
  const chunkSize = options.chunkSize ?? SEED_CHUNK_SIZE
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new Error('chunkSize must be a positive integer')
  const existing = count(database, 'contracts')
  if (existing > 0 && !options.replace) throw new DemoBookNotEmptyError(existing)

  const { sqlite } = database
  const reference = demoReferenceData(seed)
  sqlite.transaction(() => {
    if (options.replace) deleteBook(sqlite)
    writeReferenceData(sqlite, reference, now)
  })()
  log.info('demo reference data written', { replaced: existing, contracts, seed })

  const writer = new DemoRowWriter(
    prepareDemoInserts(sqlite),
    new Map(reference.insurers.map((i) => [i.id, i.rules])),
    now,
  )
  const firstContractId = nextId(database, 'contracts')
  const firstClientId = nextId(database, 'clients')
  const demoOptions = { contracts, seed, now }
  let events = 0
  const writeChunk = sqlite.transaction((from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const contract = demoContractAt(demoOptions, index)
      events += writer.write(contract, firstContractId + index, firstClientId + index)
    }
    writer.flush()
  })

  // Name and plate indexes take random keys; a cache larger than the connection's 64 MiB
  // keeps their pages resident while 1M rows go in (a 2 GiB cache measured no faster than
  // 512 MiB). The connection's own setting comes back afterwards.
  const cacheSize = Number(sqlite.pragma('cache_size', { simple: true }))
  sqlite.pragma(`cache_size = ${SEED_CACHE_SIZE}`)
  try {
    for (let from = 0; from < contracts; from += chunkSize) {
      const to = Math.min(contracts, from + chunkSize)
      writeChunk(from, to)
      options.onProgress?.(to, contracts)
      // Lets the host (Electron main, CLI progress) breathe between chunks.
      await yieldToEventLoop()
    }
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`)
  }

  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO audit_log (at, actor_staff_id, action, entity, entity_id, detail_json)
         VALUES (?, NULL, 'demo.seed', 'database', NULL, ?)`,
      )
      .run(
        Date.now(),
        JSON.stringify({ contracts, seed, now, replace: Boolean(options.replace), events }),
      )
    // The demo insurer is started with the same book (seed, size, clock) so the API and
    // the local cache describe the same contracts.
    sqlite
      .prepare(`INSERT OR REPLACE INTO app_settings (key, value) VALUES (?, ?)`)
      .run(DEMO_BOOK_SETTING, JSON.stringify({ contracts, seed, now } satisfies DemoBook))
  })()
  // Fresh planner statistics: without them SQLite picked a 10× slower plan for list pages.
  database.sqlite.exec('ANALYZE')
  log.info('demo book seeded', { contracts, timelineEvents: events })
  return { contracts }
}
