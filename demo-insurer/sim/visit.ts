import { HOUR } from '../../demo-data/calendar'
import type { DemoContract } from '../../demo-data/index'
import type { SimContext } from './context'
import { DAY, deadlinesOf, isOfficeHours, isSiteOpen } from './deadlines'
import { visitA } from './flow-a'
import { visitB } from './flow-b'
import { AGENCY_RENEWAL_PER_DAY, dailyStartChance, VISITS_PER_DAY } from './rates'

/** Office hours are 9 of 24 hours, so a visit then must carry the whole day's chance. */
const AGENCY_PER_VISIT = Math.min(1, AGENCY_RENEWAL_PER_DAY / (VISITS_PER_DAY * (9 / 24)))

/**
 * One look at one contract: the calendar first (lapse after maturity, agency renewal
 * after the web cutoff), then — inside the open window and the site's hours — maybe the
 * client's next move. A lapsed, cancelled or renewed contract never changes status again.
 */
export function visit(ctx: SimContext, index: number, c: DemoContract): void {
  const { at, rng } = ctx
  const status = c.renewalStatus
  if (status === 'lapsed' || status === 'cancelled') return
  const { opensAt, cutoffAt, maturityAt } = deadlinesOf(c.maturityDate)
  if (status === 'renewed') {
    if (c.progress.step === 'a4_completed' && at < cutoffAt && isSiteOpen(at)) visitA(ctx, index, c)
    return
  }
  // The maturity day itself is still covered; from the next day the car is uninsured.
  if (at >= maturityAt + DAY) return lapse(ctx, index)
  if (at >= cutoffAt) {
    if (at < maturityAt + 16 * HOUR && isOfficeHours(at) && rng.chance(AGENCY_PER_VISIT)) {
      agencyRenewal(ctx, index, c)
    }
    return
  }
  if (at < opensAt || !isSiteOpen(at)) return
  if (!rng.chance(dailyStartChance((cutoffAt - at) / DAY) / VISITS_PER_DAY)) return
  if (c.flow === 'A') visitA(ctx, index, c)
  else visitB(ctx, index, c)
}

function lapse(ctx: SimContext, index: number): void {
  ctx.store.commit(index, ctx.at, { type: 'lapsed' }, (d) => {
    d.renewalStatus = 'lapsed'
  })
}

function agencyRenewal(ctx: SimContext, index: number, c: DemoContract): void {
  const { at } = ctx
  const renewedPolicyNumber = ctx.renewedPolicyNumber(index, c)
  ctx.store.commit(
    index,
    at,
    { type: 'renewal.completed', channel: 'agency', renewedPolicyNumber },
    (d) => {
      d.renewalStatus = 'renewed'
      d.renewalChannel = 'agency'
      d.renewedPolicyNumber = renewedPolicyNumber
      d.progress.completedAt = at
    },
  )
}
