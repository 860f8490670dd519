import { PROCEDURE_SCREENS } from '../../electron/common/domain/renewal'
import { MINUTE, SECOND } from '../../demo-data/calendar'
import type { DemoContract } from '../../demo-data/index'
import type { SimContext } from './context'
import { FORMED, reachStep, screenIndex, touch } from './progress'
import { ABANDON_PER_SCREEN, SCREEN_GAP } from './rates'

/**
 * The renewal procedure, the same screens in both flows (STEP③ in A, Clickar in B):
 * select contract → confirmations → vehicle → parties → quote/plan → intent/apply →
 * formed. Each screen is one task; a client may stop at any of them and resume later
 * from where they were, never from an earlier screen.
 */
const procedureStep = (c: DemoContract) => (c.flow === 'A' ? 'a3_procedure' : 'b4_procedure')
const completedStep = (c: DemoContract) => (c.flow === 'A' ? 'a4_completed' : 'b5_completed')

export function procedureStart(ctx: SimContext, index: number, c: DemoContract): void {
  const { at, rng } = ctx
  const ready =
    (c.flow === 'A' &&
      c.progress.step === 'a2_login' &&
      c.mail.passwordExpiredAt === null &&
      !(c.mail.passwordMail.status === 'delivered' && c.mail.tempPasswordChangedAt === null)) ||
    (c.flow === 'B' && c.progress.step === 'b3_registered')
  if (!ready || c.renewalStatus !== 'in_progress') return
  const step = procedureStep(c)
  ctx.store.commit(index, at, { type: 'step.reached', step, screen: 'select_contract' }, (d) => {
    reachStep(d, step, at)
    d.progress.screen = 'select_contract'
    d.progress.screenReachedAt = at
    touch(d, at)
  })
  ctx.later(rng.int(SCREEN_GAP[0], SCREEN_GAP[1]), index, 'screen', 0)
}

/** `expected`: the screen the client was on when this task was scheduled. */
export function nextScreen(
  ctx: SimContext,
  index: number,
  c: DemoContract,
  expected: number,
): void {
  const { at, rng } = ctx
  if (c.progress.step !== procedureStep(c) || c.renewalStatus !== 'in_progress') return
  if (screenIndex(c) !== expected || expected >= FORMED) return
  if (rng.chance(ABANDON_PER_SCREEN)) return
  const next = expected + 1
  const screen = PROCEDURE_SCREENS[next] ?? 'formed'
  if (next < FORMED) {
    ctx.store.commit(index, at, { type: 'step.reached', step: procedureStep(c), screen }, (d) => {
      d.progress.screen = screen
      d.progress.screenReachedAt = at
      touch(d, at)
    })
    ctx.later(rng.int(SCREEN_GAP[0], SCREEN_GAP[1]), index, 'screen', next)
    return
  }
  const renewedPolicyNumber = ctx.renewedPolicyNumber(index, c)
  ctx.store.commit(
    index,
    at,
    { type: 'renewal.completed', channel: 'web', renewedPolicyNumber },
    (d) => {
      d.progress.screen = 'formed'
      d.progress.screenReachedAt = at
      d.progress.completedAt = at
      touch(d, at)
      d.renewalStatus = 'renewed'
      d.renewalChannel = 'web'
      d.renewedPolicyNumber = renewedPolicyNumber
    },
  )
  // The completion mail (STEP④ / Clickar's completion) follows within minutes.
  ctx.later(rng.int(10 * SECOND, 3 * MINUTE), index, 'complete')
}

export function complete(ctx: SimContext, index: number, c: DemoContract): void {
  const { at } = ctx
  if (c.renewalStatus !== 'renewed' || c.progress.step !== procedureStep(c)) return
  const step = completedStep(c)
  ctx.store.commit(index, at, { type: 'step.reached', step }, (d) => {
    reachStep(d, step, at)
  })
}
