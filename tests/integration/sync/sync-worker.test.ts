import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoInsurer, type RunningDemoInsurer } from '../../../demo-insurer/server'
import { SEED_RULE_SET, siteStatus } from '../../../electron/common/domain/insurer-rules'
import { isInsurerError } from '../../../electron/main/core/insurer/errors'
import { enqueueReissue } from '../../../electron/main/core/outbox/enqueue-reissue'
import type { CycleProgress, CycleSteps } from '../../../electron/main/core/scheduler/cycle-steps'
import {
  canonicalHashOfCache,
  canonicalHashOfContracts,
} from '../../../electron/main/core/sync/canonical-hash'
import { createWorkerCycleSteps } from '../../../electron/main/core/sync-worker/worker-cycle-steps'
import type { DatabaseHandle } from '../../../db/connection'
import { tempDir } from '../../support/temp-db'
import { INSURER, syncDatabase } from '../../unit/sync/sync-db'
import { START_AT } from './harness'

/**
 * The app's sync path: the cycle steps in a worker thread with their own connection, while
 * this thread (the app's main thread) reads and writes the same file through another one.
 */
const WORKER = resolve(
  import.meta.dirname,
  '../../../electron/main/core/sync-worker/worker-entry.ts',
)

let server: RunningDemoInsurer
let dir: ReturnType<typeof tempDir>
let database: DatabaseHandle
let steps: CycleSteps

beforeAll(async () => {
  server = await startDemoInsurer({ port: 0, contracts: 600, seed: 4, startAt: START_AT, speed: 0 })
  dir = tempDir('renewal-desk-worker-')
  database = await syncDatabase(dir.file('w.sqlite'))
  steps = createWorkerCycleSteps(WORKER, {
    databasePath: dir.file('w.sqlite'),
    targets: [
      {
        settings: {
          insurerId: INSURER,
          baseUrl: server.url,
          clientId: server.clientId,
          clientSecret: server.clientSecret,
        },
        // The demo endpoint serves demo-a ('1…') and demo-b ('5…'): this row keeps its own.
        policySeries: '1',
      },
    ],
  })
}, 30_000)

afterAll(async () => {
  await steps.close()
  await server.close()
  await database.close()
  dir.remove()
})

const ours = () => [...server.snapshot()].filter((c) => c.policyNumber.startsWith('1'))

describe('sync in the worker thread', () => {
  it('fills the cache, reporting progress to this thread, and the cache equals the insurer', async () => {
    await steps.recover()
    const progress: CycleProgress[] = []
    await steps.syncInsurer(INSURER, (p) => progress.push(p))
    expect(progress.length).toBeGreaterThan(0)
    const snapshot = progress.filter((p) => p.phase === 'snapshot')
    expect(snapshot.length).toBeGreaterThan(1)
    // Progress counts the endpoint's pages (both demo insurers' contracts).
    expect(snapshot.at(-1)).toMatchObject({ done: 600, total: 600 })
    // Read through this thread's own connection: the worker's commits are visible here.
    expect(canonicalHashOfCache(database.sqlite, INSURER)).toEqual(canonicalHashOfContracts(ours()))
  })

  it('drains a reissue this thread queued, exactly once at the insurer', async () => {
    const contract = database.sqlite
      .prepare(
        `SELECT id, staff_id FROM contracts WHERE insurer_id = ? AND flow = 'A'
           AND renewal_status IN ('not_started', 'in_progress') AND deleted_at IS NULL
         ORDER BY id LIMIT 1`,
      )
      .get(INSURER) as { id: number; staff_id: string }
    const row = await enqueueReissue(
      database,
      {
        contractId: contract.id,
        kind: 'password',
        reason: 'パスワード発行メール未着',
        requestedBy: contract.staff_id,
      },
      // The worker stamps with the real clock, as the app does.
      Date.now(),
    )
    await steps.drainOutbox()
    const stored = database.sqlite
      .prepare('SELECT state, idempotency_key AS key FROM reissue_outbox WHERE id = ?')
      .get(row.id) as { state: string; key: string }
    expect(['accepted', 'completed']).toContain(stored.state)
    const accepted = server.acceptedReissues().filter((r) => r.idempotencyKey === stored.key)
    expect(accepted).toHaveLength(1)
  })

  it('brings insurer changes across after the clock moves, in order', async () => {
    server.advance(6 * 3_600_000)
    await steps.syncInsurer(INSURER, () => {})
    expect(canonicalHashOfCache(database.sqlite, INSURER)).toEqual(canonicalHashOfContracts(ours()))
  })

  it('passes an insurer error back as an InsurerError the scheduler can act on', async () => {
    // Move the insurer's clock into its nightly closure (bounded: at most two days).
    for (let i = 0; i < 96 && siteStatus(new Date(server.now()), SEED_RULE_SET).open; i++)
      server.advance(30 * 60_000)
    expect(siteStatus(new Date(server.now()), SEED_RULE_SET).open).toBe(false)
    const error = await steps.syncInsurer(INSURER, () => {}).catch((e: unknown) => e)
    expect(isInsurerError(error, 'site_closed')).toBe(true)
    if (isInsurerError(error)) expect(error.reopensAt).toBeInstanceOf(Date)
  })

  it('refuses an insurer it has no target for, without stopping', async () => {
    await expect(steps.syncInsurer('nobody', () => {})).rejects.toThrow(/sync worker/)
    await expect(steps.recover()).resolves.toBeUndefined()
  })

  it('closes its connection on quit; later calls fail instead of hanging', async () => {
    await steps.close()
    await expect(steps.drainOutbox()).rejects.toThrow(/exited/)
  })
})
