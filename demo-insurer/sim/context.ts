import type { BounceReason } from '../../electron/common/domain/renewal'
import type { DemoContract } from '../../demo-data/index'
import type { Rng } from '../../demo-data/random'
import type { ContractStore } from '../book/store'

/** Steps of a client's session that run at a later simulated instant. */
export type FlowStep =
  | 'idOutcome'
  | 'passwordSend'
  | 'passwordOutcome'
  | 'login'
  | 'tempChange'
  | 'procedureStart'
  | 'screen'
  | 'complete'
  | 'signupOutcome'
  | 'register'
  | 'expire'

export type SimAction =
  | { type: 'slot'; slot: number }
  | { type: 'visit'; index: number }
  | { type: 'flow'; index: number; step: FlowStep; data: number }
  | { type: 'reissue'; id: string; phase: 'send' | 'outcome' }

/** What a flow handler may use: the store, the one random stream, and the agenda. */
export interface SimContext {
  readonly store: ContractStore
  readonly rng: Rng
  /** The simulated instant being processed. */
  readonly at: number
  /** Schedule a session step `delay` ms from now (`data`: e.g. the expected screen). */
  later(delay: number, index: number, step: FlowStep, data?: number): void
  /** Schedule at an absolute instant (moved out of the site's closed hours by the caller). */
  laterAt(at: number, index: number, step: FlowStep, data?: number): void
  renewedPolicyNumber(index: number, c: DemoContract): string
  /** Whether a mail to the contract's current address bounces now, and why. */
  mailVerdict(index: number, c: DemoContract): BounceReason | null
}
