import { type DatabaseHandle, openDatabase } from '../../../db/connection'
import { migrateToLatest } from '../../../db/migrate'
import { startDemoInsurer, type RunningDemoInsurer } from '../../../demo-insurer/server'
import type { Flow } from '../../../electron/common/domain/renewal'
import { seedDemoBook } from '../../../electron/main/core/demo/seed-demo'
import type { InsurerAdapter } from '../../../electron/main/core/insurer/adapter'
import { createHttpInsurerClient } from '../../../electron/main/core/insurer/http-client'
import { drainOutbox, type DrainSummary } from '../../../electron/main/core/outbox/drain-outbox'
import { tempDir } from '../../support/temp-db'

/**
 * A local book and the demo insurer built from the same seed, contracts and start time, so
 * policy numbers match on both sides. Time is a fake clock shared by the drain and the
 * client (Retry-After and reopensAt are computed on it); the insurer's own clock is frozen.
 */
export const START_AT = Date.parse('2026-11-24T10:00:00+09:00')
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const STAFF = 'st-001'

export interface OutboxWorld {
  server: RunningDemoInsurer
  database: DatabaseHandle
  adapter: InsurerAdapter
  clock: { now: number }
  /** Drains with an instant sleep and the shared clock. */
  drain(adapter?: InsurerAdapter): Promise<DrainSummary>
  /** Closes the database and opens it again: a restart of the app. */
  reopen(): Promise<void>
  close(): Promise<void>
}

export function startTestInsurer(options: { contracts: number; seed: number }) {
  return startDemoInsurer({
    port: 0,
    contracts: options.contracts,
    seed: options.seed,
    startAt: START_AT,
    speed: 0,
  })
}

/** The real HTTP client with instant retries, on the shared fake clock. */
export function clientFor(server: RunningDemoInsurer, clock: { now: number }): InsurerAdapter {
  return createHttpInsurerClient(
    {
      insurerId: 'demo',
      baseUrl: server.url,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      timeoutMs: 5_000,
      maxAttempts: 3,
    },
    {
      now: () => clock.now,
      sleep: () => Promise.resolve(),
      // The outbox is under test here, not the breaker: keep it out of the way.
      breaker: { threshold: 1_000, halfOpenAfterMs: 1 },
    },
  )
}

/** A migrated, seeded database file matching startTestInsurer's book. */
export async function seedBookFile(
  file: string,
  options: { contracts: number; seed: number },
): Promise<void> {
  const database = openDatabase({ path: file })
  await migrateToLatest(database.db)
  await seedDemoBook(database, { ...options, now: START_AT })
  await database.close()
}

export function drainWith(
  database: DatabaseHandle,
  adapter: InsurerAdapter,
  clock: { now: number },
) {
  return drainOutbox({
    database,
    // Both demo insurers are served by the one demo server.
    adapterFor: () => adapter,
    now: () => clock.now,
    sleep: () => Promise.resolve(),
  })
}

export async function startOutboxWorld(options: {
  contracts: number
  seed: number
}): Promise<OutboxWorld> {
  const server = await startTestInsurer(options)
  const dir = tempDir('renewal-desk-outbox-it-')
  const file = dir.file('book.sqlite')
  await seedBookFile(file, options)
  let database = openDatabase({ path: file })
  const clock = { now: START_AT }
  const adapter = clientFor(server, clock)
  return {
    server,
    get database() {
      return database
    },
    adapter,
    clock,
    drain: (using = adapter) => drainWith(database, using, clock),
    reopen: async () => {
      await database.close()
      database = openDatabase({ path: file })
      await migrateToLatest(database.db)
    },
    close: async () => {
      await server.close()
      await database.close()
      dir.remove()
    },
  }
}

export interface PickedContract {
  id: number
  policyNumber: string
  flow: Flow
  hasEmail: boolean
}

/** Contracts that can take a reissue of their flow's kind, in id order. */
export function liveContracts(database: DatabaseHandle): PickedContract[] {
  const rows = database.sqlite
    .prepare(
      `SELECT c.id, c.policy_number AS policyNumber, c.flow, cl.email IS NOT NULL AS hasEmail
       FROM contracts c JOIN clients cl ON cl.id = c.client_id
       WHERE c.deleted_at IS NULL AND c.renewal_status IN ('not_started', 'in_progress')
       ORDER BY c.id`,
    )
    .all() as Array<Omit<PickedContract, 'hasEmail'> & { hasEmail: number }>
  return rows.map((r) => ({ ...r, hasEmail: r.hasEmail === 1 }))
}

export function contractWhere(database: DatabaseHandle, where: string): number | undefined {
  const row = database.sqlite.prepare(`SELECT id FROM contracts WHERE ${where} LIMIT 1`).get() as
    { id: number } | undefined
  return row?.id
}

export function outboxRows(database: DatabaseHandle) {
  return database.sqlite
    .prepare(
      'SELECT id, state, idempotency_key, remote_reissue_id, attempts FROM reissue_outbox ORDER BY id',
    )
    .all() as Array<{
    id: number
    state: string
    idempotency_key: string
    remote_reissue_id: string | null
    attempts: number
  }>
}

/** Accepted reissues at the insurer, counted by idempotency key. */
export function acceptedByKey(server: RunningDemoInsurer): Map<string, number> {
  const counts = new Map<string, number>()
  for (const r of server.acceptedReissues())
    counts.set(r.idempotencyKey, (counts.get(r.idempotencyKey) ?? 0) + 1)
  return counts
}

export const kindFor = (flow: Flow) => (flow === 'A' ? 'password' : 'mypage_registration_mail')
