import { FLOW_A_STEPS, FLOW_B_STEPS, PROCEDURE_SCREENS } from '../../electron/common/domain/renewal'
import { demoContractAt, type DemoContract, type DemoOptions } from '../../demo-data/index'
import type { WireContract, WireEvent } from '../api-types'
import type { ChangeFeed } from '../feed/feed'
import type { BookOrder } from './order'
import { toWire } from './wire'

/** A contract that has changed since the start: the only ones held in memory. */
export interface Changed {
  contract: DemoContract
  version: number
  wire: WireContract
  /** The agency corrected the email: earlier bounces no longer say anything about it. */
  emailCorrected: boolean
}

/**
 * The book: generated lazily from (seed, startAt, index), plus an overlay of the contracts
 * the simulation or a reissue changed. Every change goes through commit(), which appends
 * the event and the new version to the feed and refuses a change that would move a
 * contract backwards — the invariants the tests check from outside.
 */
export class ContractStore {
  private readonly overlay = new Map<number, Changed>()

  constructor(
    readonly order: BookOrder,
    private readonly book: DemoOptions,
    private readonly feed: ChangeFeed,
  ) {}

  get changedCount(): number {
    return this.overlay.size
  }

  /** The current state; a fresh object for unchanged contracts, so never mutate it. */
  peek(index: number): DemoContract {
    return this.overlay.get(index)?.contract ?? demoContractAt(this.book, index)
  }

  changed(index: number): Changed | undefined {
    return this.overlay.get(index)
  }

  wire(index: number): WireContract {
    const entry = this.overlay.get(index)
    if (entry) return entry.wire
    return toWire(demoContractAt(this.book, index), 1, this.book.now)
  }

  /** Events that change nothing on the contract (reissue outcomes). */
  note(index: number, at: number, event: WireEvent): void {
    this.feed.appendEvent(at, this.order.policyNumberOf(index), event)
  }

  commit(
    index: number,
    at: number,
    event: WireEvent,
    mutate: (c: DemoContract, entry: Changed) => void,
  ): void {
    const entry = this.overlay.get(index) ?? this.fresh(index)
    const before = snapshotOfOrder(entry.contract)
    mutate(entry.contract, entry)
    assertForward(before, snapshotOfOrder(entry.contract), entry.contract.policyNumber)
    entry.version += 1
    entry.wire = toWire(entry.contract, entry.version, at, entry.wire)
    this.overlay.set(index, entry)
    this.feed.appendEvent(at, entry.contract.policyNumber, event)
    this.feed.appendUpsert(at, entry.wire)
  }

  private fresh(index: number): Changed {
    const contract = demoContractAt(this.book, index)
    return { contract, version: 1, wire: toWire(contract, 1, this.book.now), emailCorrected: false }
  }
}

const STEP_RANK = new Map<string, number>([
  ['none', 0],
  ...FLOW_A_STEPS.map((s, i) => [s, i + 1] as [string, number]),
  ...FLOW_B_STEPS.map((s, i) => [s, i + 1] as [string, number]),
])
const SCREEN_RANK = new Map<string, number>(PROCEDURE_SCREENS.map((s, i) => [s, i]))

interface OrderFacts {
  step: number
  screen: number
  status: DemoContract['renewalStatus']
}

function snapshotOfOrder(c: DemoContract): OrderFacts {
  return {
    step: STEP_RANK.get(c.progress.step) ?? 0,
    screen: c.progress.screen === null ? -1 : (SCREEN_RANK.get(c.progress.screen) ?? -1),
    status: c.renewalStatus,
  }
}

/** A bug in the simulation must fail loudly, not publish a contract moving backwards. */
function assertForward(before: OrderFacts, after: OrderFacts, policyNumber: string): void {
  const terminal = before.status === 'renewed' || before.status === 'lapsed'
  if (
    after.step < before.step ||
    after.screen < before.screen ||
    (terminal && after.status !== before.status) ||
    (before.status === 'cancelled' && after.status !== 'cancelled')
  ) {
    throw new Error(`simulation tried to move ${policyNumber} backwards`)
  }
}
