import { copyFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../../../db/connection'
import type { RunningDemoInsurer } from '../../../demo-insurer/server'
import type { InsurerAdapter } from '../../../electron/main/core/insurer/adapter'
import { setLogSink } from '../../../electron/main/core/logger'
import { cancelReissue } from '../../../electron/main/core/outbox/cancel-reissue'
import { enqueueReissue } from '../../../electron/main/core/outbox/enqueue-reissue'
import { OutboxError } from '../../../electron/main/core/outbox/errors'
import { listOutbox } from '../../../electron/main/core/outbox/list-outbox'
import { recoverOutbox } from '../../../electron/main/core/outbox/recover-outbox'
import { tempDir } from '../../support/temp-db'
import {
  acceptedByKey,
  clientFor,
  drainWith,
  HOUR,
  kindFor,
  liveContracts,
  MINUTE,
  outboxRows,
  type PickedContract,
  seedBookFile,
  STAFF,
  START_AT,
  startTestInsurer,
} from './harness'

/**
 * Model test: random sequences of staff requests, drains, insurer outages, restarts (with and
 * without a send cut off mid-call) and cancellations. Whatever happened, once the insurer is
 * back and the outbox drained: each request that was not cancelled was accepted exactly once,
 * a cancelled one never reached the insurer, and the database is intact.
 */
const BOOK = { contracts: 200, seed: 23 }
/** OUTBOX_MODEL_RUNS=500 for a longer soak; 25 keeps the default suite quick. */
const RUNS = Number(process.env.OUTBOX_MODEL_RUNS ?? 25)
const CONTRACT_CHOICES = 6

type Action =
  | { type: 'enqueue'; contract: number; secondKind: boolean; email: boolean }
  | { type: 'drain' }
  | { type: 'down'; fault: 'closure' | 'errors' | 'drops' }
  | { type: 'up' }
  | { type: 'tick'; minutes: number }
  | { type: 'restart' }
  | { type: 'crash' }
  /** pick: index into the outbox rows (modulo); -1 = the newest. */
  | { type: 'cancel'; pick: number }

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('enqueue' as const),
      contract: fc.nat(CONTRACT_CHOICES - 1),
      secondKind: fc.boolean(),
      email: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: fc.constant({ type: 'drain' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('down' as const),
      fault: fc.constantFrom('closure' as const, 'errors' as const, 'drops' as const),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ type: 'up' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('tick' as const),
      minutes: fc.integer({ min: 1, max: 45 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'crash' as const }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('cancel' as const), pick: fc.nat(20) }) },
)

/**
 * Random actions around a fixed core that every run goes through at some point: a request
 * cancelled at once, and another whose send is cut off by a crash.
 */
const scenario: fc.Arbitrary<Action[]> = fc
  .tuple(
    fc.array(action, { maxLength: 15 }),
    fc.nat(CONTRACT_CHOICES - 1),
    fc.nat(CONTRACT_CHOICES - 1),
    fc.array(action, { maxLength: 15 }),
  )
  .map(([before, first, second, after]) => [
    ...before,
    { type: 'enqueue', contract: first, secondKind: false, email: false },
    { type: 'cancel', pick: -1 },
    { type: 'enqueue', contract: second, secondKind: true, email: true },
    { type: 'crash' },
    ...after,
  ])

let server: RunningDemoInsurer
const dir = tempDir('renewal-desk-outbox-model-')
const template = dir.file('template.sqlite')
let targets: PickedContract[]
let run = 0
/** Proof the runs were not vacuous: what actually happened across them. */
const seen = { requests: 0, cancelled: 0, crashesAfterSend: 0, resent: 0 }

beforeAll(async () => {
  setLogSink(() => {})
  server = await startTestInsurer(BOOK)
  await seedBookFile(template, BOOK)
  const database = openDatabase({ path: template })
  targets = liveContracts(database).filter((c) => c.hasEmail)
  await database.close()
  // Both flows, so both kinds of reissue are exercised.
  const a = targets.filter((c) => c.flow === 'A').slice(0, CONTRACT_CHOICES - 2)
  const b = targets.filter((c) => c.flow === 'B').slice(0, 2)
  targets = [...a, ...b]
  expect(targets).toHaveLength(CONTRACT_CHOICES)
})

afterAll(async () => {
  await server.close()
  dir.remove()
  setLogSink((line) => process.stderr.write(`${line}\n`))
})

async function runScenario(actions: Action[]): Promise<void> {
  run += 1
  const file = dir.file(`run-${run}.sqlite`)
  copyFileSync(template, file)
  server.setFaults({ forcedClosure: false, errorRate: 0, dropRate: 0 })
  const clock = { now: START_AT + run * 30 * 24 * HOUR } // fresh keys and times per run
  let database: DatabaseHandle = openDatabase({ path: file })
  let adapter = clientFor(server, clock)
  const cancelled = new Set<number>()
  const restart = async () => {
    await database.close()
    database = openDatabase({ path: file })
    adapter = clientFor(server, clock) // a new process: new client, no token
    await recoverOutbox(database, clock.now)
  }

  try {
    for (const step of actions) {
      switch (step.type) {
        case 'enqueue': {
          const contract = targets[step.contract]!
          const kind = contract.flow === 'A' && step.secondKind ? 'id_mail' : kindFor(contract.flow)
          const request = {
            contractId: contract.id,
            kind,
            reason: 'model',
            requestedBy: STAFF,
            ...(step.email ? { correctedEmail: `m${run}@example.jp` } : {}),
          } as const
          const result = await enqueueReissue(database, request, clock.now).catch((e: unknown) => e)
          if (result instanceof Error) {
            expect(result).toBeInstanceOf(OutboxError)
            expect((result as OutboxError).code).toBe('duplicate_request')
          }
          break
        }
        case 'drain':
          await drainWith(database, adapter, clock)
          break
        case 'down':
          server.setFaults(
            step.fault === 'closure'
              ? { forcedClosure: true }
              : step.fault === 'errors'
                ? { errorRate: 1 }
                : { dropRate: 1 },
          )
          break
        case 'up':
          server.setFaults({ forcedClosure: false, errorRate: 0, dropRate: 0 })
          break
        case 'tick':
          clock.now += step.minutes * MINUTE
          break
        case 'restart':
          await restart()
          break
        case 'crash': {
          // The process dies right after the insurer answered, before the answer is stored.
          let reached!: () => void
          const sent = new Promise<void>((resolve) => (reached = resolve))
          const dying: InsurerAdapter = {
            ...adapter,
            requestReissue: async (...args) => {
              await adapter.requestReissue(...args).catch(() => undefined)
              seen.crashesAfterSend += 1
              reached()
              return new Promise(() => {}) // never returns: the process is gone
            },
          }
          await Promise.race([drainWith(database, dying, clock), sent])
          await restart()
          break
        }
        case 'cancel': {
          const rows = outboxRows(database)
          const row = step.pick < 0 ? rows.at(-1) : rows[step.pick % Math.max(1, rows.length)]
          if (!row) break
          const before = row.state
          const result = await cancelReissue(
            database,
            { outboxId: row.id, cancelledBy: STAFF },
            clock.now,
          ).catch((e: unknown) => e)
          if (result instanceof Error) {
            expect((result as OutboxError).code).toBe('not_cancellable')
            expect(['queued', 'needs_confirmation']).not.toContain(before)
          } else {
            expect(before).toBe('queued')
            cancelled.add(row.id)
          }
          break
        }
      }
    }

    // The insurer is back: drain until nothing is pending.
    server.setFaults({ forcedClosure: false, errorRate: 0, dropRate: 0 })
    for (let i = 0; i < 30; i++) {
      if ((await listOutbox(database)).counts.pending === 0) break
      clock.now += HOUR
      await drainWith(database, adapter, clock)
    }

    const rows = outboxRows(database)
    seen.requests += rows.length
    seen.cancelled += cancelled.size
    seen.resent += rows.filter((r) => r.attempts > 1).length
    const accepted = acceptedByKey(server)
    const remoteIds = new Map(server.acceptedReissues().map((r) => [r.idempotencyKey, r.id]))
    for (const row of rows) {
      if (cancelled.has(row.id)) {
        expect(row.state).toBe('cancelled')
        expect(accepted.get(row.idempotency_key)).toBeUndefined()
      } else {
        expect(row.state).toBe('accepted')
        expect(accepted.get(row.idempotency_key)).toBe(1)
        expect(row.remote_reissue_id).toBe(remoteIds.get(row.idempotency_key))
      }
    }
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(database.sqlite.pragma('foreign_key_check')).toEqual([])
  } finally {
    await database.close()
  }
}

describe('outbox model', () => {
  it(
    'random requests, outages, restarts and cancels: exactly once, nothing lost',
    async () => {
      await fc.assert(fc.asyncProperty(scenario, runScenario), {
        numRuns: RUNS,
        endOnFailure: true,
      })
      expect(seen.requests).toBeGreaterThan(25)
      expect(seen.cancelled).toBeGreaterThan(0)
      expect(seen.crashesAfterSend).toBeGreaterThan(0)
      expect(seen.resent).toBeGreaterThan(0)
      console.info('outbox model runs:', JSON.stringify(seen))
    },
    30_000 + RUNS * 1_000,
  )
})
