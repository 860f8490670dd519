import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/connection'
import type { InsurerAdapter } from '../../../electron/main/core/insurer/adapter'
import { isInsurerError } from '../../../electron/main/core/insurer/errors'
import { setLogSink } from '../../../electron/main/core/logger'
import { cancelReissue } from '../../../electron/main/core/outbox/cancel-reissue'
import { enqueueReissue } from '../../../electron/main/core/outbox/enqueue-reissue'
import { OutboxError } from '../../../electron/main/core/outbox/errors'
import { PENDING_STATES } from '../../../electron/main/core/outbox/policy'
import { tempDir } from '../../support/temp-db'
import {
  acceptedByKey,
  HOUR,
  kindFor,
  liveContracts,
  MINUTE,
  outboxRows,
  type PickedContract,
  seedBookFile,
  STAFF,
} from '../outbox/harness'
import {
  feedEventsAfter,
  hashesOf,
  INSURERS,
  type ModelWorld,
  reissueEventCounts,
  startModelWorld,
  type SyncBounds,
  timelineEvents,
} from './sync-model-world'
import { expectSchedulesMatchState } from '../../support/stored-schedules'

/**
 * Model test of sync and outbox together: random sequences of insurer-side changes, staff
 * reissue requests and cancels, syncs (some stopped after a page or two), drains, insurer
 * outages, restarts and crashes in the middle of a sync or a send. Whatever happened, once
 * the insurer is back, the outbox settled and the sync ran to the end: the database is
 * intact, the cache equals the insurer, every request that was not cancelled was accepted
 * exactly once (a cancelled one never), and every insurer event since the first snapshot
 * is in the timeline exactly once.
 */
const BOOK = { contracts: 200, seed: 23 }
/** SYNC_MODEL_RUNS=300 for a longer soak; SYNC_MODEL_SEED to replay or vary a run. */
const RUNS = Number(process.env.SYNC_MODEL_RUNS ?? 25)
const SEED =
  process.env.SYNC_MODEL_SEED === undefined ? undefined : Number(process.env.SYNC_MODEL_SEED)
const CONTRACT_CHOICES = 6
/**
 * Insurer time per run, at most. Keeps the app's clock well inside the 7-day key window, so
 * no request legitimately ends in needs_confirmation and "accepted exactly once" is exact.
 */
const MAX_INSURER_TIME = 3 * 24 * HOUR
const SETTLE_ROUNDS = 40

type Down = 'closure' | 'errors' | 'drops'
type Action =
  | { type: 'insurer'; minutes: number }
  | { type: 'enqueue'; contract: number; secondKind: boolean; email: boolean }
  /** pick: index into the outbox rows (modulo); -1 = the newest. */
  | { type: 'cancel'; pick: number }
  /** Page bounds: 0 = unbounded. */
  | { type: 'sync'; insurer: number; snapshotPages: number; changePages: number }
  | { type: 'drain' }
  | { type: 'down'; fault: Down }
  | { type: 'up' }
  | { type: 'tick'; minutes: number }
  | { type: 'restart' }
  /** The process dies during a send: after the insurer answered, or with the call in flight. */
  | { type: 'crashDrain'; inFlight: boolean }
  /** The process dies while waiting for the sync's page number `afterCalls + 1`. */
  | { type: 'crashSync'; insurer: number; afterCalls: number }

const insurerIndex = fc.nat(INSURERS.length - 1)
const crashSync = fc.record({
  type: fc.constant('crashSync' as const),
  insurer: insurerIndex,
  afterCalls: fc.integer({ min: 0, max: 6 }),
})
const insurerChange = fc.record({
  type: fc.constant('insurer' as const),
  minutes: fc.integer({ min: 1, max: 8 * 60 }),
})

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: insurerChange },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('enqueue' as const),
      contract: fc.nat(CONTRACT_CHOICES - 1),
      secondKind: fc.boolean(),
      email: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('cancel' as const), pick: fc.nat(20) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('sync' as const),
      insurer: insurerIndex,
      snapshotPages: fc.nat(3),
      changePages: fc.nat(3),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ type: 'drain' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('down' as const),
      fault: fc.constantFrom<Down>('closure', 'errors', 'drops'),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ type: 'up' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('tick' as const),
      minutes: fc.integer({ min: 1, max: 45 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'restart' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('crashDrain' as const), inFlight: fc.boolean() }),
  },
  { weight: 1, arbitrary: crashSync },
)

/**
 * Random actions around a core every run goes through: a request with a corrected email (an
 * insurer-side change the agency causes), a request withdrawn at once, insurer activity, a
 * sync cut off by a crash and a send cut off by a crash.
 */
const scenario: fc.Arbitrary<Action[]> = fc
  .tuple(
    fc.array(action, { maxLength: 12 }),
    fc.nat(CONTRACT_CHOICES - 1),
    fc.nat(CONTRACT_CHOICES - 1),
    insurerChange,
    crashSync,
    fc.boolean(),
    fc.array(action, { maxLength: 12 }),
  )
  .map(([before, contract, withdrawn, change, cut, inFlight, after]) => [
    ...before,
    { type: 'enqueue', contract, secondKind: false, email: true },
    { type: 'enqueue', contract: withdrawn, secondKind: true, email: false },
    { type: 'cancel', pick: -1 },
    change,
    cut,
    { type: 'crashDrain', inFlight },
    ...after,
  ])

const dir = tempDir('renewal-desk-sync-model-')
const template = dir.file('template.sqlite')
let targets: PickedContract[]
let run = 0
/** Proof the runs were not vacuous: what actually happened across them. */
const seen = {
  requests: 0,
  cancelled: 0,
  failedSyncs: 0,
  stoppedSyncs: 0,
  crashedSyncs: 0,
  crashedSends: 0,
  insurerUpserts: 0,
  reissueEvents: 0,
  timelineEvents: 0,
}

beforeAll(async () => {
  setLogSink(() => {})
  await seedBookFile(template, BOOK)
  const database = openDatabase({ path: template })
  const live = liveContracts(database).filter((c) => c.hasEmail)
  await database.close()
  // Both flows and both insurers' series, so every kind of reissue and cache is exercised.
  const a = live.filter((c) => c.flow === 'A').slice(0, CONTRACT_CHOICES - 2)
  const b = live.filter((c) => c.flow === 'B').slice(0, 2)
  targets = [...a, ...b]
  expect(targets).toHaveLength(CONTRACT_CHOICES)
})

afterAll(() => {
  dir.remove()
  setLogSink((line) => process.stderr.write(`${line}\n`))
})

/** Faults currently on: a failing call is expected exactly when the insurer is down. */
let down = false

async function expectSyncOutcome(sync: Promise<unknown>): Promise<void> {
  const error = await sync.then(
    () => null,
    (e: unknown) => e,
  )
  if (error === null) return
  if (!isInsurerError(error) || !down) throw error
  seen.failedSyncs += 1
}

/**
 * When the process dies during the call that kills it: before the request left, with the
 * request on its way (the insurer may act on it later), or after the insurer answered.
 */
type Death = 'beforeSend' | 'inFlight' | 'afterAnswer'

/** An adapter whose calls after the first `calls` never return: the process is gone. */
function dyingAfter(
  adapter: InsurerAdapter,
  calls: number,
  methods: ReadonlyArray<'listContracts' | 'listChanges' | 'requestReissue'>,
  death: Death,
): { adapter: InsurerAdapter; died: Promise<void> } {
  let died!: () => void
  const diedPromise = new Promise<void>((resolve) => (died = resolve))
  let made = 0
  const dying: Record<string, unknown> = { ...adapter }
  for (const method of methods) {
    const real = adapter[method] as (...args: unknown[]) => Promise<unknown>
    dying[method] = async (...args: unknown[]) => {
      made += 1
      if (made <= calls) return real(...args)
      if (death === 'inFlight') void real(...args).catch(() => undefined)
      if (death === 'afterAnswer') await real(...args).catch(() => undefined)
      died()
      return new Promise(() => {})
    }
  }
  return { adapter: dying as unknown as InsurerAdapter, died: diedPromise }
}

async function step(
  world: ModelWorld,
  act: Action,
  state: { insurerTime: number; cancelled: Set<number> },
) {
  switch (act.type) {
    case 'insurer': {
      const ms = Math.min(act.minutes * MINUTE, MAX_INSURER_TIME - state.insurerTime)
      if (ms <= 0) return
      state.insurerTime += ms
      world.passTime(ms)
      return
    }
    case 'enqueue': {
      const contract = targets[act.contract]!
      const kind = contract.flow === 'A' && act.secondKind ? 'id_mail' : kindFor(contract.flow)
      const request = {
        contractId: contract.id,
        kind,
        reason: 'model',
        requestedBy: STAFF,
        ...(act.email ? { correctedEmail: `m${run}-${act.contract}@example.jp` } : {}),
      } as const
      const result = await enqueueReissue(world.database, request, world.clock.now).catch(
        (e: unknown) => e,
      )
      if (result instanceof Error) {
        expect(result).toBeInstanceOf(OutboxError)
        // A duplicate, or the cache already knows the contract renewed or lapsed.
        expect(['duplicate_request', 'not_applicable']).toContain((result as OutboxError).code)
      }
      return
    }
    case 'cancel': {
      const rows = outboxRows(world.database)
      const row = act.pick < 0 ? rows.at(-1) : rows[act.pick % Math.max(1, rows.length)]
      if (!row) return
      const result = await cancelReissue(
        world.database,
        { outboxId: row.id, cancelledBy: STAFF },
        world.clock.now,
      ).catch((e: unknown) => e)
      if (result instanceof Error) {
        expect((result as OutboxError).code).toBe('not_cancellable')
        expect(['queued', 'needs_confirmation']).not.toContain(row.state)
      } else {
        state.cancelled.add(row.id)
      }
      return
    }
    case 'sync': {
      const bounds: SyncBounds = {
        ...(act.snapshotPages > 0 ? { maxSnapshotPages: act.snapshotPages } : {}),
        ...(act.changePages > 0 ? { maxChangePages: act.changePages } : {}),
      }
      await expectSyncOutcome(
        world.sync(INSURERS[act.insurer]!.id, bounds).then((summary) => {
          if (summary.hasMore) seen.stoppedSyncs += 1
        }),
      )
      return
    }
    case 'drain':
      await world.drain()
      return
    case 'down':
      down = true
      world.server.setFaults(
        act.fault === 'closure'
          ? { forcedClosure: true }
          : act.fault === 'errors'
            ? { errorRate: 1 }
            : { dropRate: 1 },
      )
      return
    case 'up':
      down = false
      world.server.setFaults({ forcedClosure: false, errorRate: 0, dropRate: 0 })
      return
    case 'tick':
      world.clock.now += act.minutes * MINUTE
      return
    case 'restart':
      await world.restart()
      return
    case 'crashDrain': {
      const dying = dyingAfter(
        world.adapter,
        0,
        ['requestReissue'],
        act.inFlight ? 'inFlight' : 'afterAnswer',
      )
      await Promise.race([
        world.drain(dying.adapter),
        dying.died.then(() => (seen.crashedSends += 1)),
      ])
      await world.restart()
      return
    }
    case 'crashSync': {
      const dying = dyingAfter(
        world.adapter,
        act.afterCalls,
        ['listContracts', 'listChanges'],
        'beforeSend',
      )
      const sync = world.sync(INSURERS[act.insurer]!.id, {}, dying.adapter)
      await Promise.race([expectSyncOutcome(sync), dying.died.then(() => (seen.crashedSyncs += 1))])
      await world.restart()
      return
    }
  }
}

/** The insurer is back: drain, sync to the end and let accepted reissues finish. */
async function settle(world: ModelWorld): Promise<void> {
  down = false
  world.server.setFaults({ forcedClosure: false, errorRate: 0, dropRate: 0 })
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    await world.drain()
    for (const { id } of INSURERS) {
      for (let call = 0; call < 50; call++) {
        const summary = await world.sync(id)
        if (!summary.hasMore && summary.snapshotComplete) break
      }
    }
    await world.reconcile()
    const open = outboxRows(world.database).filter(
      (r) => (PENDING_STATES as readonly string[]).includes(r.state) || r.state === 'accepted',
    )
    if (open.length === 0) return
    // Retries fall due and the insurer finishes what it accepted.
    world.passTime(30 * MINUTE)
  }
  throw new Error(`the outbox did not settle in ${SETTLE_ROUNDS} rounds`)
}

async function runScenario(actions: Action[]): Promise<void> {
  run += 1
  down = false
  const world = await startModelWorld({ template, file: dir.file(`run-${run}.sqlite`), book: BOOK })
  const state = { insurerTime: 0, cancelled: new Set<number>() }
  try {
    for (const act of actions) await step(world, act, state)
    await settle(world)
    const { database, server } = world

    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(database.sqlite.pragma('foreign_key_check')).toEqual([])
    // Today's list reads the stored schedules: each one must follow its contract's state.
    expectSchedulesMatchState(database)

    for (const { id, cache, insurer } of hashesOf(world)) {
      expect({ id, ...cache }).toEqual({ id, ...insurer })
    }

    const rows = outboxRows(database)
    const accepted = acceptedByKey(server)
    const remote = new Map(server.acceptedReissues().map((r) => [r.idempotencyKey, r.id]))
    for (const row of rows) {
      if (state.cancelled.has(row.id)) {
        expect(row.state).toBe('cancelled')
        expect(accepted.get(row.idempotency_key)).toBeUndefined()
        continue
      }
      expect(accepted.get(row.idempotency_key)).toBe(1)
      expect(row.remote_reissue_id).toBe(remote.get(row.idempotency_key))
      // The outbox ends where the insurer says the reissue ended.
      const truth = await world.adapter.getReissue(row.remote_reissue_id!)
      expect(row.state).toBe(truth.status)
    }
    // Nothing reached the insurer that the outbox does not hold.
    expect(server.acceptedReissues()).toHaveLength(rows.length - state.cancelled.size)

    for (const counted of reissueEventCounts(database)) expect(counted.n).toBe(1)
    for (const { id, series } of INSURERS) {
      const start = world.feedStart.get(id)
      expect(start).toBeDefined()
      const feed = await feedEventsAfter(world.adapter, start!, series)
      expect(timelineEvents(database, id)).toEqual(feed)
      seen.timelineEvents += feed.length
    }

    seen.requests += rows.length
    seen.cancelled += state.cancelled.size
    seen.reissueEvents += reissueEventCounts(database).length
    seen.insurerUpserts += (
      database.sqlite
        .prepare('SELECT count(*) AS n FROM contracts WHERE CAST(remote_version AS INTEGER) > 1')
        .get() as { n: number }
    ).n
  } finally {
    await world.close()
  }
}

describe('sync model', () => {
  it(
    'random insurer changes, requests, syncs, outages, restarts and crashes: cache = insurer, each reissue once',
    async () => {
      await fc.assert(fc.asyncProperty(scenario, runScenario), {
        numRuns: RUNS,
        endOnFailure: true,
        ...(SEED === undefined ? {} : { seed: SEED }),
      })
      expect(seen.requests).toBeGreaterThan(RUNS)
      expect(seen.cancelled).toBeGreaterThan(0)
      expect(seen.failedSyncs).toBeGreaterThan(0)
      expect(seen.stoppedSyncs).toBeGreaterThan(0)
      expect(seen.crashedSyncs).toBeGreaterThan(0)
      expect(seen.crashedSends).toBeGreaterThan(0)
      expect(seen.insurerUpserts).toBeGreaterThan(0)
      expect(seen.reissueEvents).toBeGreaterThan(0)
      console.info('sync model runs:', JSON.stringify(seen))
    },
    30_000 + RUNS * 3_000,
  )
})
