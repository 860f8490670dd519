import type { Flow } from '../electron/common/domain/renewal'
import { randomAddress } from './address'
import { HOUR, isoDateOfDayNumber, MINUTE } from './calendar'
import { isCarrierAddress, landlinePhone, mobilePhone, randomEmail } from './contact'
import { demoContext, type ContextInsurer, type DemoContext } from './context'
import { emptyMailState, emptyProgress, type Draft } from './draft'
import { FAMILY_NAMES, familyMember, personName, randomGivenName } from './names'
import { validateDemoIndex, validateDemoOptions } from './options'
import { policyNumber } from './policy-number'
import { Rng } from './random'
import { carrierShare, needsEmail, WEB_STATE_BUILDERS, webStateFor } from './web-states'
import { randomPremium, randomVehicle } from './vehicles'
import type { DemoContract, DemoOptions } from './types'

/** Stream id of contracts (reference data uses another). */
const STREAM_CONTRACT = 2

function pickInsurer(ctx: DemoContext, rng: Rng, flow: Flow | null): ContextInsurer {
  // Each insurer mostly runs its own flow, with a minority of the other kind of contract.
  if (flow === 'A') return rng.chance(0.9) ? ctx.insurers.A : ctx.insurers.B
  if (flow === 'B') return rng.chance(0.9) ? ctx.insurers.B : ctx.insurers.A
  return rng.chance(0.55) ? ctx.insurers.A : ctx.insurers.B
}

function buildContract(ctx: DemoContext, index: number): DemoContract {
  const rng = new Rng(ctx.seed, STREAM_CONTRACT, index)
  const scenario = ctx.scenarios.draw(rng)
  const insurer = pickInsurer(ctx, rng, scenario.flow)
  const otherFlow: Flow = insurer.mainFlow === 'A' ? 'B' : 'A'
  const flow: Flow = scenario.flow ?? (rng.chance(0.9) ? insurer.mainFlow : otherFlow)
  const slot = rng.pick(insurer.slots[scenario.name])
  const region = ctx.regions.draw(rng)
  const municipality = rng.pick(region.municipalities)
  const staff = ctx.staffByBranch.get(region.branchId)?.draw(rng)
  if (!staff) throw new Error(`no staff in branch ${region.branchId}`)
  const webState = webStateFor(scenario.name, flow, rng)

  const name = personName(rng.pick(FAMILY_NAMES), randomGivenName(rng, rng.chance(0.4)))
  const birthDate = isoDateOfDayNumber(rng.int(ctx.birthDayMin, ctx.birthDayMax))
  const { postcode, address } = randomAddress(rng, municipality)
  const phone = rng.chance(0.7) ? mobilePhone(rng) : landlinePhone(rng, municipality.areaCode)
  const carrier = rng.chance(carrierShare(webState))
  // A few clients never gave an email; they cannot have started online, so only there.
  const email = needsEmail(webState) || rng.chance(0.9) ? randomEmail(rng, name, carrier) : null

  // The car is often driven and owned by someone else in the household.
  const namedInsured = rng.chance(0.15) ? familyMember(rng, name) : name
  const vehicleOwnerName = rng.chance(0.9)
    ? namedInsured.kanji
    : rng.chance(0.5)
      ? name.kanji
      : familyMember(rng, name).kanji
  const model = ctx.models.draw(rng)
  const vehicle = randomVehicle(rng, model, municipality.plateRegions)
  const premiumYen = randomPremium(
    rng,
    vehicle.size,
    Number(birthDate.slice(0, 4)),
    ctx.currentYear,
  )

  const draft: Draft = {
    rng,
    now: ctx.now,
    slot,
    rules: insurer.rules,
    end: Math.min(ctx.now, slot.cutoffAt),
    email,
    emailIsCarrier: isCarrierAddress(email),
    mail: emptyMailState(),
    progress: emptyProgress(),
    renewalStatus: 'not_started',
    renewalChannel: null,
    renewed: false,
  }
  WEB_STATE_BUILDERS[webState](draft)
  settleOutcome(draft, scenario.name)

  return {
    index,
    insurerId: insurer.id,
    policyNumber: policyNumber(insurer.policySeries, index, ctx.policyOffset),
    flow,
    client: {
      nameKanji: name.kanji,
      nameKana: name.kana,
      birthDate,
      postcode,
      address,
      phone,
      email,
    },
    namedInsured: { name: namedInsured.kanji, kana: namedInsured.kana },
    vehicleOwnerName,
    vehicle: { name: vehicle.name, plate: vehicle.plate },
    inceptionDate: slot.inceptionDate,
    maturityDate: slot.maturityDate,
    premiumYen,
    staffId: staff.id,
    branchId: staff.branchId,
    renewalStatus: draft.renewalStatus,
    renewalChannel: draft.renewalChannel,
    renewedPolicyNumber: draft.renewed
      ? policyNumber(insurer.renewedSeries, index, ctx.renewedOffset)
      : null,
    mail: draft.mail,
    progress: draft.progress,
    scenario: scenario.name,
  }
}

/** Outcomes decided outside the website: the agency, the calendar, a cancellation. */
function settleOutcome(draft: Draft, scenario: string): void {
  const { rng, slot, now } = draft
  switch (scenario) {
    case 'renewed_agency': {
      // Staff renew by phone or visit between the web cutoff and 16:00 on maturity day.
      const from = Math.min(slot.cutoffAt + 5 * MINUTE, now)
      const to = Math.max(from, Math.min(now, slot.maturityStartsAt + 16 * HOUR))
      draft.progress.completedAt = rng.int(from, to)
      draft.renewalStatus = 'renewed'
      draft.renewalChannel = 'agency'
      draft.renewed = true
      break
    }
    case 'lapsed':
      draft.renewalStatus = 'lapsed'
      break
    case 'cancelled':
      draft.renewalStatus = 'cancelled'
      break
  }
}

/** One contract of the book, computed from (seed, now, index) alone. */
export function demoContractAt(options: DemoOptions, index: number): DemoContract {
  validateDemoOptions(options)
  validateDemoIndex(options, index)
  return buildContract(demoContext(options.seed, options.now), index)
}

/** The whole book in index order; validates before the first contract is produced. */
export function demoContracts(options: DemoOptions): Generator<DemoContract, void, undefined> {
  validateDemoOptions(options)
  const ctx = demoContext(options.seed, options.now)
  return (function* () {
    for (let index = 0; index < options.contracts; index++) yield buildContract(ctx, index)
  })()
}
