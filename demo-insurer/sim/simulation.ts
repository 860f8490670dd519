import { DAY } from '../../demo-data/calendar'
import type { DemoContract } from '../../demo-data/index'
import { policyNumber } from '../../demo-data/policy-number'
import { Rng } from '../../demo-data/random'
import { DEMO_INSURERS } from '../../demo-data/reference'
import type { ContractStore } from '../book/store'
import type { ReissueRecord, ReissueRegistry } from '../reissues'
import type { FlowStep, SimAction, SimContext } from './context'
import { deadlinesOf, isSiteOpen } from './deadlines'
import { idOutcome, login, passwordOutcome, passwordSend, tempChange } from './flow-a'
import { expire, register, signupOutcome } from './flow-b'
import { mailVerdict } from './mail'
import { complete, nextScreen, procedureStart } from './procedure'
import { MAX_VISITS_PER_SLOT, SLOT_MS, VISITS_PER_DAY } from './rates'
import { acceptReissue, sendReissue, settleReissue } from './reissue-effects'
import { TaskHeap } from './heap'
import { visit } from './visit'

/** Stream id of the simulation's one random sequence (the generator uses 1 and 2). */
const STREAM_SIMULATION = 0x51

/** Client actions: only while the site is open and before the web cutoff. */
const CLIENT_STEPS: ReadonlySet<FlowStep> = new Set([
  'login',
  'tempChange',
  'procedureStart',
  'screen',
  'register',
])

/**
 * The insurer's world on a simulated clock. Everything — the slots that pick which
 * contracts to look at, the steps of a client's session, reissue outcomes — is a task on
 * one agenda ordered by (instant, insertion), drawing from one seeded random sequence.
 * So the feed depends only on seed, startAt and what was asked (advances, reissues), not
 * on how an advance was chunked or on the real clock.
 */
export class Simulation {
  private readonly heap = new TaskHeap<SimAction>()
  private readonly rng: Rng
  private clock: number
  private readonly visitsPerSlot: number
  private readonly dormantUntil: Float64Array

  constructor(
    private readonly store: ContractStore,
    private readonly reissues: ReissueRegistry,
    private readonly seed: number,
    startAt: number,
  ) {
    this.rng = new Rng(seed, STREAM_SIMULATION, 0)
    this.clock = startAt
    this.dormantUntil = new Float64Array(store.order.size)
    this.visitsPerSlot = Math.min(
      MAX_VISITS_PER_SLOT,
      (store.order.size * VISITS_PER_DAY * SLOT_MS) / DAY,
    )
    this.heap.push(startAt, { type: 'slot', slot: 0 })
  }

  get now(): number {
    return this.clock
  }

  get pendingTasks(): number {
    return this.heap.size
  }

  /** Runs every task due up to `target`, then sets the clock there. */
  advanceTo(target: number): void {
    for (
      let top = this.heap.peek();
      top !== undefined && top.at <= target;
      top = this.heap.peek()
    ) {
      this.heap.pop()
      this.clock = Math.max(this.clock, top.at)
      this.run(top.action)
    }
    this.clock = Math.max(this.clock, target)
  }

  /** A reissue the API just accepted, at the current simulated instant. */
  accept(record: ReissueRecord): void {
    acceptReissue(this.context(this.clock), record, (at) =>
      this.heap.push(at, { type: 'reissue', id: record.id, phase: 'send' }),
    )
  }

  private run(action: SimAction): void {
    const ctx = this.context(this.clock)
    switch (action.type) {
      case 'slot':
        return this.slot(action.slot)
      case 'visit':
        return this.visit(ctx, action.index)
      case 'flow':
        return this.flow(ctx, action.index, action.step, action.data)
      case 'reissue': {
        const record = this.reissues.get(action.id)
        if (!record) return
        if (action.phase === 'send') {
          sendReissue(ctx, record, (at) =>
            this.heap.push(at, { type: 'reissue', id: record.id, phase: 'outcome' }),
          )
        } else {
          settleReissue(ctx, record)
        }
      }
    }
  }

  /**
   * Most visits find nothing to do (window not open yet, renewed, lapsed), and building a
   * contract is the expensive part, so a visit remembers until when its contract sleeps.
   * Only the simulation changes status and dates, so the note stays true until then.
   */
  private visit(ctx: SimContext, index: number): void {
    if ((this.dormantUntil[index] ?? 0) > ctx.at) return
    const c = this.store.peek(index)
    visit(ctx, index, c)
    this.dormantUntil[index] = dormancy(this.store.peek(index))
  }

  /** Picks this slot's visits (random contracts at random instants in the slot). */
  private slot(slot: number): void {
    const start = this.clock
    const whole = Math.floor(this.visitsPerSlot)
    const count = whole + (this.rng.chance(this.visitsPerSlot - whole) ? 1 : 0)
    for (let i = 0; i < count; i++) {
      const index = this.rng.int(0, this.store.order.size - 1)
      this.heap.push(start + this.rng.int(0, SLOT_MS - 1), { type: 'visit', index })
    }
    this.heap.push(start + SLOT_MS, { type: 'slot', slot: slot + 1 })
  }

  private flow(ctx: SimContext, index: number, step: FlowStep, data: number): void {
    const c = this.store.peek(index)
    if (c.renewalStatus === 'lapsed' || c.renewalStatus === 'cancelled') return
    const { cutoffAt } = deadlinesOf(c.maturityDate)
    // Nothing in the web procedure after the cutoff; a registration link still expires.
    if (step !== 'expire' && ctx.at >= cutoffAt) return
    if (CLIENT_STEPS.has(step) && !isSiteOpen(ctx.at)) return
    switch (step) {
      case 'idOutcome':
        return idOutcome(ctx, index, c)
      case 'passwordSend':
        return passwordSend(ctx, index, c)
      case 'passwordOutcome':
        return passwordOutcome(ctx, index, c)
      case 'login':
        return login(ctx, index, c)
      case 'tempChange':
        return tempChange(ctx, index)
      case 'procedureStart':
        return procedureStart(ctx, index, c)
      case 'screen':
        return nextScreen(ctx, index, c, data)
      case 'complete':
        return complete(ctx, index, c)
      case 'signupOutcome':
        return signupOutcome(ctx, index, c)
      case 'register':
        return register(ctx, index, c, data)
      case 'expire':
        return expire(ctx, index, c, data)
    }
  }

  private context(at: number): SimContext {
    const laterAt = (when: number, index: number, step: FlowStep, data = 0) => {
      let due = Math.max(at, when)
      if (step === 'complete') {
        // The completion mail belongs to a renewal formed before the cutoff: keep it there.
        const { cutoffAt } = deadlinesOf(this.store.peek(index).maturityDate)
        due = Math.max(at, Math.min(due, cutoffAt - 1))
      }
      this.heap.push(due, { type: 'flow', index, step, data })
    }
    return {
      store: this.store,
      rng: this.rng,
      at,
      later: (delay, index, step, data) => laterAt(at + delay, index, step, data),
      laterAt,
      renewedPolicyNumber: (index, c) => this.renewedNumber(index, c),
      mailVerdict: (index, c) =>
        mailVerdict(this.seed, c, this.store.changed(index)?.emailCorrected ?? false, this.rng),
    }
  }

  private renewedNumber(index: number, c: DemoContract): string {
    const insurer = DEMO_INSURERS.find((i) => i.id === c.insurerId)
    return policyNumber(insurer?.renewedSeries ?? '9', index, this.store.order.renewedOffset)
  }
}

/** Until when a visit cannot change this contract (0 = it may at any time). */
function dormancy(c: DemoContract): number {
  const status = c.renewalStatus
  if (status === 'lapsed' || status === 'cancelled') return Infinity
  // A renewed contract's only later step is STEP⑤ (MyPage), before the cutoff.
  if (status === 'renewed') return c.progress.step === 'a4_completed' ? 0 : Infinity
  return deadlinesOf(c.maturityDate).opensAt
}
