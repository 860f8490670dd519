import { MISMATCH_FIELDS } from '../../electron/common/domain/renewal'
import { SEED_RULE_SET } from '../../electron/common/domain/insurer-rules'
import { HOUR, MINUTE } from '../../demo-data/calendar'
import type { DemoContract } from '../../demo-data/index'
import type { SimContext } from './context'
import { openAt } from './deadlines'
import { reachStep, screenIndex, touch } from './progress'
import { MISMATCH, REGISTER_DELAY, REGISTERS_IN_TIME, WRONG_POLICY_NUMBER } from './rates'

/**
 * Flow B (seed 003): MyPage sign-up (the current policy number; name, address, birth date
 * and phone must match) → provisional registration, 24 h to open the mail → full
 * registration → Clickar renewal (procedure.ts).
 */
const TTL = SEED_RULE_SET.mypageProvisionalTtlHours * HOUR

export function visitB(ctx: SimContext, index: number, c: DemoContract): void {
  const { at, rng } = ctx
  const { mypage } = c.mail
  switch (c.progress.step) {
    case 'none':
      if (c.client.email === null) return
      ctx.store.commit(index, at, { type: 'step.reached', step: 'b1_signup' }, (d) => {
        d.renewalStatus = 'in_progress'
        reachStep(d, 'b1_signup', at)
        d.progress.startedAt = at
        touch(d, at)
      })
      ctx.later(rng.int(MINUTE, 8 * MINUTE), index, 'signupOutcome')
      return
    case 'b1_signup':
    case 'b2_provisional':
      if (mypage.status === 'provisional') {
        if (at >= (mypage.provisionalExpiresAt ?? at))
          expire(ctx, index, c, mypage.provisionalAt ?? 0)
        else if (rng.chance(0.5)) register(ctx, index, c, mypage.provisionalAt ?? 0)
        return
      }
      // Rejected or expired: some clients try again (with the right data this time).
      if (rng.chance(0.4)) ctx.later(rng.int(MINUTE, 8 * MINUTE), index, 'signupOutcome')
      return
    case 'b3_registered':
      ctx.later(0, index, 'procedureStart')
      return
    case 'b4_procedure':
      ctx.later(0, index, 'screen', screenIndex(c))
      return
    default:
      return
  }
}

export function signupOutcome(ctx: SimContext, index: number, c: DemoContract): void {
  const { at, rng } = ctx
  const { mypage } = c.mail
  const open = mypage.status !== 'provisional' && mypage.status !== 'registered'
  if (!open || (c.progress.step !== 'b1_signup' && c.progress.step !== 'b2_provisional')) return
  const roll = rng.float()
  if (roll < MISMATCH) {
    const field = rng.pick(MISMATCH_FIELDS)
    ctx.store.commit(index, at, { type: 'mypage.mismatch', mismatchField: field }, (d) => {
      d.mail.mypage.status = 'mismatch'
      d.mail.mypage.failedAt = at
      d.mail.mypage.mismatchField = field
      touch(d, at)
    })
    return
  }
  if (roll < MISMATCH + WRONG_POLICY_NUMBER) {
    ctx.store.commit(index, at, { type: 'mypage.wrong_policy_number' }, (d) => {
      d.mail.mypage.status = 'wrong_policy_number'
      d.mail.mypage.failedAt = at
      d.mail.mypage.mismatchField = null
      touch(d, at)
    })
    return
  }
  provisional(ctx, index)
  if (rng.chance(REGISTERS_IN_TIME)) {
    const when = openAt(at + rng.int(REGISTER_DELAY[0], REGISTER_DELAY[1]))
    if (when < at + TTL) ctx.laterAt(when, index, 'register', at)
  }
}

/** Provisional registration: a mail with a link valid for the rule set's TTL. */
export function provisional(ctx: SimContext, index: number): void {
  const { at } = ctx
  ctx.store.commit(index, at, { type: 'mypage.provisional' }, (d) => {
    const { mypage } = d.mail
    mypage.status = 'provisional'
    mypage.provisionalAt = at
    mypage.provisionalExpiresAt = at + TTL
    mypage.failedAt = null
    mypage.mismatchField = null
    reachStep(d, 'b2_provisional', at)
    touch(d, at)
  })
  ctx.laterAt(at + TTL, index, 'expire', at)
}

/** `provisionalAt` ties the task to one provisional registration, not a later one. */
export function register(
  ctx: SimContext,
  index: number,
  c: DemoContract,
  provisionalAt: number,
): void {
  const { at, rng } = ctx
  const { mypage } = c.mail
  if (mypage.status !== 'provisional' || mypage.provisionalAt !== provisionalAt) return
  if (at >= (mypage.provisionalExpiresAt ?? 0)) return
  ctx.store.commit(index, at, { type: 'mypage.registered' }, (d) => {
    d.mail.mypage.status = 'registered'
    d.mail.mypage.registeredAt = at
    reachStep(d, 'b3_registered', at)
    touch(d, at)
  })
  if (rng.chance(0.5)) ctx.later(rng.int(MINUTE, 2 * HOUR), index, 'procedureStart')
}

export function expire(
  ctx: SimContext,
  index: number,
  c: DemoContract,
  provisionalAt: number,
): void {
  const { mypage } = c.mail
  if (mypage.status !== 'provisional' || mypage.provisionalAt !== provisionalAt) return
  ctx.store.commit(index, ctx.at, { type: 'mypage.expired' }, (d) => {
    d.mail.mypage.status = 'expired'
  })
}
