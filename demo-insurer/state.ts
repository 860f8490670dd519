import type { TokenIssuer } from './auth'
import type { ContractStore } from './book/store'
import type { BookOrder } from './book/order'
import type { SimClock } from './clock'
import type { Faults } from './faults'
import type { ChangeFeed } from './feed/feed'
import type { IdempotencyStore } from './idempotency'
import type { RateLimiter } from './rate-limit'
import type { ReissueRegistry } from './reissues'
import type { Simulation } from './sim/simulation'

/** Everything one running demo insurer holds; the HTTP handlers read and change it. */
export interface InsurerState {
  /** Random per run: goes into cursors and reissue ids. */
  run: string
  order: BookOrder
  store: ContractStore
  feed: ChangeFeed
  sim: Simulation
  clock: SimClock
  reissues: ReissueRegistry
  tokens: TokenIssuer
  idempotency: IdempotencyStore
  limiter: RateLimiter
  adminToken: string
  faults(): Faults
  setFaults(update: Record<string, unknown>): void
  /** Real ms a reissue takes to process, so a concurrent duplicate can meet it (409). */
  reissueProcessingMs: number
}
