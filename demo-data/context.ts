import type { DemoScenario, ScenarioName } from './scenarios'
import { DEMO_SCENARIOS, SCENARIO_FITS } from './scenarios'
import { DAY, jstYear, maturitySlots, type MaturitySlot } from './calendar'
import { mix32, WeightedTable } from './random'
import { DEMO_INSURERS, demoReferenceData, type DemoInsurerProfile } from './reference'
import { DEMO_REGIONS, type DemoRegion } from './regions'
import { VEHICLE_MODELS } from './vehicles'
import type { DemoInsurer, DemoReferenceData, DemoStaff } from './types'

export type ContextInsurer = DemoInsurer &
  DemoInsurerProfile & { slots: Record<ScenarioName, MaturitySlot[]> }

/**
 * Everything shared by all contracts of one (seed, now): tables and the maturity slots
 * each scenario may use. Built once and cached, so a random-access call costs one
 * contract, not one book.
 */
export interface DemoContext {
  seed: number
  now: number
  reference: DemoReferenceData
  scenarios: WeightedTable<DemoScenario>
  regions: WeightedTable<DemoRegion>
  staffByBranch: Map<string, WeightedTable<DemoStaff>>
  models: WeightedTable<(typeof VEHICLE_MODELS)[number]>
  insurers: { A: ContextInsurer; B: ContextInsurer }
  policyOffset: number
  renewedOffset: number
  birthDayMin: number
  birthDayMax: number
  currentYear: number
}

function contextInsurer(profile: (typeof DEMO_INSURERS)[number], now: number): ContextInsurer {
  const all = maturitySlots(now, profile.rules)
  const slots = {} as Record<ScenarioName, MaturitySlot[]>
  for (const scenario of DEMO_SCENARIOS) {
    const fits = SCENARIO_FITS[scenario.name]
    const list = all.filter((slot) => fits(slot, now, profile.rules))
    if (list.length === 0) throw new Error(`no maturity date fits scenario ${scenario.name}`)
    slots[scenario.name] = list
  }
  return { ...profile, slots }
}

function insurerWithFlow(flow: 'A' | 'B') {
  const profile = DEMO_INSURERS.find((insurer) => insurer.mainFlow === flow)
  if (!profile) throw new Error(`no demo insurer for flow ${flow}`)
  return profile
}

function buildContext(seed: number, now: number): DemoContext {
  const reference = demoReferenceData(seed)
  const staffByBranch = new Map<string, WeightedTable<DemoStaff>>()
  for (const branch of reference.branches) {
    // Managers keep a small book of their own; most contracts sit with staff.
    const members = reference.staff.filter((s) => s.branchId === branch.id)
    staffByBranch.set(
      branch.id,
      new WeightedTable(members.map((s) => [s, s.role === 'manager' ? 1 : 6] as const)),
    )
  }
  return {
    seed,
    now,
    reference,
    scenarios: new WeightedTable(DEMO_SCENARIOS.map((s) => [s, s.weight] as const)),
    regions: new WeightedTable(DEMO_REGIONS.map((r) => [r, r.weight] as const)),
    staffByBranch,
    models: new WeightedTable(VEHICLE_MODELS.map((v) => [v, v.weight] as const)),
    insurers: {
      A: contextInsurer(insurerWithFlow('A'), now),
      B: contextInsurer(insurerWithFlow('B'), now),
    },
    policyOffset: (mix32(seed, 0x5eed01) >>> 0) % 100_000_000,
    renewedOffset: (mix32(seed, 0x5eed02) >>> 0) % 100_000_000,
    birthDayMin: Date.UTC(1940, 0, 1) / DAY,
    birthDayMax: Date.UTC(2005, 11, 31) / DAY,
    currentYear: jstYear(now),
  }
}

let cached: DemoContext | null = null

export function demoContext(seed: number, now: number): DemoContext {
  if (cached === null || cached.seed !== seed || cached.now !== now)
    cached = buildContext(seed, now)
  return cached
}
