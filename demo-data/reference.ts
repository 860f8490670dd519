import { SEED_RULE_SET } from '../electron/common/domain/insurer-rules'
import type { Flow } from '../electron/common/domain/renewal'
import { FAMILY_NAMES, personName, randomGivenName } from './names'
import { Rng } from './random'
import { DEMO_REGIONS } from './regions'
import type { DemoInsurer, DemoReferenceData, DemoStaff } from './types'

/** Stream ids keep reference data and contracts on unrelated random sequences. */
export const STREAM_REFERENCE = 1

export const DEMO_INSURER_A = 'demo-a'
export const DEMO_INSURER_B = 'demo-b'

export interface DemoInsurerProfile {
  id: string
  /** The flow most of this insurer's contracts use. */
  mainFlow: Flow
  /** First digit of current / renewed policy numbers. */
  policySeries: string
  renewedSeries: string
}

/** Both insurers publish the flyer's rules; only their flows differ. */
export const DEMO_INSURERS: readonly (DemoInsurer & DemoInsurerProfile)[] = [
  {
    id: DEMO_INSURER_A,
    name: 'デモ海上火災保険',
    rules: SEED_RULE_SET,
    mainFlow: 'A',
    policySeries: '1',
    renewedSeries: '2',
  },
  {
    // Group (団体扱) contracts renewed through a Clickar-style MyPage service: flow B.
    id: DEMO_INSURER_B,
    name: 'デモ損害保険',
    rules: SEED_RULE_SET,
    mainFlow: 'B',
    policySeries: '5',
    renewedSeries: '6',
  },
]

/** Staff per branch (40 in all); the first of each branch is its manager (支店長). */
const STAFF_PER_BRANCH: Record<string, number> = {
  'br-shinjuku': 8,
  'br-yokohama': 7,
  'br-omiya': 6,
  'br-chiba': 6,
  'br-nagoya': 6,
  'br-osaka': 7,
}

export function demoReferenceData(seed: number): DemoReferenceData {
  const rng = new Rng(seed, STREAM_REFERENCE, 0)
  const usedNames = new Set<string>()
  const staff: DemoStaff[] = []
  for (const region of DEMO_REGIONS) {
    const count = STAFF_PER_BRANCH[region.branchId] ?? 6
    for (let i = 0; i < count; i++) {
      // Redraw on a clash so two staff never share a full name in the pickers.
      let name = personName(rng.pick(FAMILY_NAMES), randomGivenName(rng, rng.chance(0.45)))
      while (usedNames.has(name.kanji)) {
        name = personName(rng.pick(FAMILY_NAMES), randomGivenName(rng, rng.chance(0.45)))
      }
      usedNames.add(name.kanji)
      staff.push({
        id: `st-${String(staff.length + 1).padStart(3, '0')}`,
        branchId: region.branchId,
        name: name.kanji,
        nameKana: name.kana,
        role: i === 0 ? 'manager' : 'staff',
      })
    }
  }
  return {
    insurers: DEMO_INSURERS.map(({ id, name, rules }) => ({ id, name, rules })),
    branches: DEMO_REGIONS.map((region) => ({ id: region.branchId, name: region.branchName })),
    staff,
  }
}
