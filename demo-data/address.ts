import type { Rng } from './random'
import type { Municipality } from './regions'

/** Generic town names found in many Japanese cities; combined at random. */
const TOWNS = [
  '本町',
  '中央',
  '栄町',
  '緑町',
  '旭町',
  '幸町',
  '東町',
  '西町',
  '南町',
  '北町',
  '桜町',
  '若葉',
  '松が丘',
  '富士見',
  '宮前',
  '向陽台',
  '日の出町',
  '青葉台',
  '春日',
  '八幡',
  '新町',
  '大町',
  '元町',
  '千代田',
  '末広',
  '花園',
  '平和台',
  '泉町',
  '寿町',
  '松原',
  '柳町',
  '住吉',
  '高砂',
  '曙町',
  '錦町',
  '若松町',
  '稲荷町',
  '桜ケ丘',
  '緑が丘',
  '清水町',
] as const

const BUILDING_KINDS = [
  'コーポ',
  'ハイツ',
  'メゾン',
  'パークハイム',
  'サンハイツ',
  'グリーンハイツ',
] as const

export interface DemoAddress {
  /** 'NNN-NNNN' (the 〒 mark is added on display). */
  postcode: string
  address: string
}

export function randomAddress(rng: Rng, place: Municipality): DemoAddress {
  const postcode = `${rng.pick(place.postcodePrefixes)}-${rng.digits(4)}`
  const town = rng.pick(TOWNS)
  const chome = rng.int(1, 6)
  const ban = rng.int(1, 30)
  const go = rng.int(1, 25)
  // Both ways of writing a block number are common on forms.
  const street = rng.chance(0.5) ? `${chome}丁目${ban}番${go}号` : `${chome}-${ban}-${go}`
  let address = `${place.prefecture}${place.city}${town}${street}`
  if (rng.chance(0.35)) {
    address += `\u3000${rng.pick(BUILDING_KINDS)}${town}${rng.int(1, 9)}0${rng.int(1, 9)}`
  }
  return { postcode, address }
}
