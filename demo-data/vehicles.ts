import type { Rng } from './random'

/** Plate class: 3xx ordinary, 5xx compact, 5xx on yellow plates for kei cars. */
type Size = 'kei' | 'compact' | 'ordinary'

interface VehicleModel {
  name: string
  size: Size
  /** Relative popularity in the demo book. */
  weight: number
}

export const VEHICLE_MODELS: readonly VehicleModel[] = [
  { name: 'N-BOX', size: 'kei', weight: 9 },
  { name: 'タント', size: 'kei', weight: 6 },
  { name: 'ハスラー', size: 'kei', weight: 4 },
  { name: 'ワゴンR', size: 'kei', weight: 4 },
  { name: 'ムーヴ', size: 'kei', weight: 4 },
  { name: 'スペーシア', size: 'kei', weight: 5 },
  { name: 'デイズ', size: 'kei', weight: 3 },
  { name: 'ミライース', size: 'kei', weight: 2 },
  { name: 'N-WGN', size: 'kei', weight: 2 },
  { name: 'プリウス', size: 'ordinary', weight: 6 },
  { name: 'アクア', size: 'compact', weight: 5 },
  { name: 'ヤリス', size: 'compact', weight: 6 },
  { name: 'フィット', size: 'compact', weight: 5 },
  { name: 'ノート', size: 'compact', weight: 5 },
  { name: 'シエンタ', size: 'compact', weight: 4 },
  { name: 'フリード', size: 'compact', weight: 4 },
  { name: 'ルーミー', size: 'compact', weight: 3 },
  { name: 'ライズ', size: 'compact', weight: 2 },
  { name: 'セレナ', size: 'ordinary', weight: 4 },
  { name: 'ヴォクシー', size: 'ordinary', weight: 4 },
  { name: 'ノア', size: 'ordinary', weight: 3 },
  { name: 'ステップワゴン', size: 'ordinary', weight: 3 },
  { name: 'カローラ', size: 'ordinary', weight: 4 },
  { name: 'アルファード', size: 'ordinary', weight: 2 },
  { name: 'ハリアー', size: 'ordinary', weight: 2 },
  { name: 'ヴェゼル', size: 'ordinary', weight: 2 },
  { name: 'CX-5', size: 'ordinary', weight: 1 },
  { name: 'インプレッサ', size: 'ordinary', weight: 1 },
]

const CLASS_NUMBERS: Record<Size, readonly string[]> = {
  kei: ['580', '581', '583', '584', '585', '586', '587'],
  compact: ['500', '501', '502', '503', '530', '531', '533', '534', '537'],
  ordinary: ['300', '301', '302', '330', '331', '332', '334', '335', '338', '339', '347'],
}

/** The hiragana used on private cars (お, し, へ, ん are never used; わ/れ are rentals). */
const PLATE_KANA = [...'さすせそたちつてとなにぬねのはひふほまみむめもやゆよらりるろ']

export interface DemoVehicle {
  name: string
  plate: string
  size: Size
}

export function randomVehicle(
  rng: Rng,
  model: VehicleModel,
  plateRegions: readonly string[],
): DemoVehicle {
  const serial = String(rng.int(1000, 9999))
  const plate =
    `${rng.pick(plateRegions)} ${rng.pick(CLASS_NUMBERS[model.size])} ` +
    `${rng.pick(PLATE_KANA)} ${serial.slice(0, 2)}-${serial.slice(2)}`
  return { name: model.name, plate, size: model.size }
}

const PREMIUM_RANGE: Record<Size, readonly [number, number]> = {
  kei: [30_000, 90_000],
  compact: [40_000, 130_000],
  ordinary: [55_000, 180_000],
}

/** Annual premium in yen, rounded to 10 yen like real quotes. Younger drivers pay more. */
export function randomPremium(
  rng: Rng,
  size: Size,
  birthYear: number,
  currentYear: number,
): number {
  const [low, high] = PREMIUM_RANGE[size]
  const age = currentYear - birthYear
  const youthLoad = age < 26 ? 0.35 : age > 75 ? 0.15 : 0
  const base = low + rng.float() * (high - low) * 0.8
  const premium = Math.min(high, base * (1 + youthLoad))
  return Math.round(premium / 10) * 10
}
