import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HOUR } from '../demo-data/calendar'
import type { components } from '../electron/main/core/insurer/generated/insurer-api'
import { TokenIssuer } from './auth'
import { BookOrder } from './book/order'
import { ContractStore } from './book/store'
import { SimClock } from './clock'
import { DEFAULT_FAULTS, mergeFaults, type Faults } from './faults'
import { ChangeFeed } from './feed/feed'
import { createHandler } from './http/app'
import { IdempotencyStore } from './idempotency'
import { validateOptions } from './options'
import { RateLimiter } from './rate-limit'
import { ReissueRegistry } from './reissues'
import { Simulation } from './sim/simulation'
import type { InsurerState } from './state'

export type { Faults } from './faults'
export { DemoInsurerOptionError } from './faults'

export interface DemoInsurerOptions {
  /** 0 = a free port; always bound to 127.0.0.1. */
  port: number
  /** 100..1_000_000 */
  contracts: number
  seed: number
  /** Simulated clock start (epoch ms); default Date.now(). */
  startAt?: number
  /** Simulated ms per real ms (default 60: an hour per minute); 0 = frozen, only advance() moves it. */
  speed?: number
  clientId?: string
  /** Default: random per run. */
  clientSecret?: string
  /** How many change items are kept (default 200_000); an older cursor → 410. */
  changeRetention?: number
  faults?: Partial<Faults>
}

export interface RunningDemoInsurer {
  url: string
  port: number
  clientId: string
  clientSecret: string
  adminToken: string
  now(): number
  advance(ms: number): void
  setFaults(faults: Partial<Faults>): void
  faults(): Faults
  /** Server-side truth for tests: every contract's current state, in policy-number order. */
  snapshot(): Iterable<components['schemas']['Contract']>
  /** Every reissue accepted so far, by idempotency key — tests use this to check exactly-once. */
  acceptedReissues(): ReadonlyArray<{
    idempotencyKey: string
    id: string
    policyNumber: string
    kind: string
  }>
  close(): Promise<void>
}

/** Real ms a reissue spends "processing" (see InsurerState.reissueProcessingMs). */
const REISSUE_PROCESSING_MS = 50

/**
 * Starts the demo insurer: a real HTTP server on 127.0.0.1 that implements
 * resources/insurer-api/openapi.yaml over a generated book of `contracts` contracts.
 */
export async function startDemoInsurer(options: DemoInsurerOptions): Promise<RunningDemoInsurer> {
  const startAt = options.startAt ?? Date.now()
  const speed = options.speed ?? 60
  const changeRetention = options.changeRetention ?? 200_000
  validateOptions({ ...options, startAt, speed, changeRetention })
  let faults = mergeFaults(DEFAULT_FAULTS, { ...options.faults })

  const run = randomBytes(4).toString('hex')
  const book = { seed: options.seed, contracts: options.contracts, now: startAt }
  const order = new BookOrder(book)
  const feed = new ChangeFeed(changeRetention)
  const store = new ContractStore(order, book, feed)
  const reissues = new ReissueRegistry(run)
  const sim = new Simulation(store, reissues, options.seed, startAt)
  const idempotency = new IdempotencyStore()
  let prunedAt = startAt
  const clock = new SimClock(sim, speed, () => {
    // Pruning walks every key, so at most once per simulated hour.
    if (sim.now - prunedAt >= HOUR) {
      idempotency.prune(sim.now)
      prunedAt = sim.now
    }
  })
  const clientId = options.clientId ?? 'renewal-desk-demo'
  const clientSecret = options.clientSecret ?? randomBytes(18).toString('base64url')
  const state: InsurerState = {
    run,
    order,
    store,
    feed,
    sim,
    clock,
    reissues,
    tokens: new TokenIssuer(clientId, clientSecret),
    idempotency,
    limiter: new RateLimiter(),
    adminToken: randomBytes(18).toString('base64url'),
    faults: () => ({ ...faults }),
    setFaults: (update) => {
      faults = mergeFaults(faults, update)
    },
    reissueProcessingMs: REISSUE_PROCESSING_MS,
  }

  const server = createServer(createHandler(state))
  // A long advance() blocks the loop; a short keep-alive would then race clients' reuse.
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clientId,
    clientSecret,
    adminToken: state.adminToken,
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
    setFaults: (update) => state.setFaults({ ...update }),
    faults: () => state.faults(),
    snapshot: () => snapshot(state),
    acceptedReissues: () =>
      reissues.all().map(({ idempotencyKey, id, policyNumber, kind }) => ({
        idempotencyKey,
        id,
        policyNumber,
        kind,
      })),
    close: () => {
      clock.stop()
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections()
      })
    },
  }
}

function* snapshot(state: InsurerState): Generator<components['schemas']['Contract']> {
  for (const index of state.order.order) yield state.store.wire(index)
}
