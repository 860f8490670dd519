import { describe, expect, it } from 'vitest'
import { demoContracts, demoReferenceData, isValidPolicyNumber } from '../../../demo-data/index'
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../../../demo-data/names'
import { katakanaToRomaji } from '../../../demo-data/romaji'
import { VEHICLE_MODELS } from '../../../demo-data/vehicles'

const now = Date.parse('2026-11-23T10:00:00+09:00')
const book = [...demoContracts({ seed: 11, contracts: 10_000, now })]

const KATAKANA_NAME = /^[\u30A1-\u30FA\u30FC]+\u3000[\u30A1-\u30FA\u30FC]+$/
const KANJI_NAME = /^[^\s\u3000]+\u3000[^\s\u3000]+$/

describe('demo people', () => {
  it('has curated name tables of the required size with katakana readings', () => {
    expect(FAMILY_NAMES.length).toBeGreaterThanOrEqual(80)
    expect(MALE_GIVEN_NAMES.length + FEMALE_GIVEN_NAMES.length).toBeGreaterThanOrEqual(80)
    for (const part of [...FAMILY_NAMES, ...MALE_GIVEN_NAMES, ...FEMALE_GIVEN_NAMES]) {
      expect(part.kana).toMatch(/^[\u30A1-\u30FA\u30FC]+$/)
    }
  })

  it('writes names as family + full-width space + given, readings in katakana only', () => {
    for (const c of book) {
      expect(c.client.nameKanji).toMatch(KANJI_NAME)
      expect(c.client.nameKana).toMatch(KATAKANA_NAME)
      expect(c.namedInsured.name).toMatch(KANJI_NAME)
      expect(c.namedInsured.kana).toMatch(KATAKANA_NAME)
      expect(c.vehicleOwnerName).toMatch(KANJI_NAME)
    }
  })

  it('sometimes insures or registers the car to another family member', () => {
    const otherInsured = book.filter((c) => c.namedInsured.name !== c.client.nameKanji)
    const otherOwner = book.filter((c) => c.vehicleOwnerName !== c.client.nameKanji)
    expect(otherInsured.length / book.length).toBeGreaterThan(0.05)
    expect(otherOwner.length / book.length).toBeGreaterThan(0.05)
    for (const c of otherInsured) {
      expect(c.namedInsured.name.split('\u3000')[0]).toBe(c.client.nameKanji.split('\u3000')[0])
    }
  })

  it('has plausible birth dates, postcodes, addresses, phones and emails', () => {
    for (const c of book) {
      const { birthDate, postcode, address, phone, email } = c.client
      expect(birthDate >= '1940-01-01' && birthDate <= '2005-12-31').toBe(true)
      expect(postcode).toMatch(/^\d{3}-\d{4}$/)
      expect(address).toMatch(/^(東京都|神奈川県|埼玉県|千葉県|愛知県|大阪府)/)
      expect(phone).toMatch(/^(0[789]0-\d{4}-\d{4}|0\d{1,3}-\d{1,4}-\d{4})$/)
      expect(phone.replace(/-/g, '')).toHaveLength(
        phone.startsWith('0') && /^0[789]0/.test(phone) ? 11 : 10,
      )
      if (email !== null) expect(email).toMatch(/^[a-z0-9._]+@[a-z0-9.]+\.[a-z]+$/)
    }
    const emails = book.map((c) => c.client.email)
    const withoutEmail = emails.filter((e) => e === null).length
    expect(withoutEmail).toBeGreaterThan(0)
    expect(withoutEmail / book.length).toBeLessThan(0.1)
    for (const domain of ['@docomo.ne.jp', '@softbank.ne.jp', '@gmail.com']) {
      expect(emails.some((e) => e?.endsWith(domain))).toBe(true)
    }
    expect(book.some((c) => /^0[789]0-/.test(c.client.phone))).toBe(true)
    expect(book.some((c) => c.client.phone.startsWith('03-'))).toBe(true)
  })

  it('romanises readings for email local parts', () => {
    expect(katakanaToRomaji('サトウ')).toBe('satou')
    expect(katakanaToRomaji('シュンスケ')).toBe('shunsuke')
    expect(katakanaToRomaji('ハットリ')).toBe('hattori')
    expect(katakanaToRomaji('キョウコ')).toBe('kyouko')
    expect(katakanaToRomaji('チヒロ')).toBe('chihiro')
  })
})

describe('demo contracts', () => {
  it('names cars from the model list with well-formed plates', () => {
    const models = new Set(VEHICLE_MODELS.map((m) => m.name))
    for (const c of book) {
      expect(models.has(c.vehicle.name)).toBe(true)
      expect(c.vehicle.plate).toMatch(/^\S+ [35]\d\d [ぁ-ん] \d{2}-\d{2}$/)
    }
  })

  it('keeps premiums in 30,000–180,000 yen and inception one year before maturity', () => {
    for (const c of book) {
      expect(c.premiumYen).toBeGreaterThanOrEqual(30_000)
      expect(c.premiumYen).toBeLessThanOrEqual(180_000)
      expect(c.premiumYen % 10).toBe(0)
      const [y, md] = [Number(c.maturityDate.slice(0, 4)), c.maturityDate.slice(5)]
      expect(c.inceptionDate).toBe(`${y - 1}-${md === '02-29' ? '02-28' : md}`)
    }
  })

  it('spreads maturities from ~10 days ago to ~6 months ahead', () => {
    const day = (d: string) => Date.parse(`${d}T00:00:00+09:00`)
    const today = day(new Date(now + 9 * 3_600_000).toISOString().slice(0, 10))
    const offsets = book.map((c) => Math.round((day(c.maturityDate) - today) / 86_400_000))
    expect(Math.min(...offsets)).toBe(-10)
    expect(Math.max(...offsets)).toBeGreaterThan(170)
    expect(Math.max(...offsets)).toBeLessThanOrEqual(186)
  })

  it('assigns each contract to a staff member of the same branch', () => {
    const reference = demoReferenceData(11)
    const staff = new Map(reference.staff.map((s) => [s.id, s]))
    for (const c of book) expect(staff.get(c.staffId)?.branchId).toBe(c.branchId)
    expect(new Set(book.map((c) => c.staffId)).size).toBe(reference.staff.length)
  })

  it('gives unique, check-digited policy numbers per insurer over 100k contracts', () => {
    const seen = new Map<string, Set<string>>()
    let renewed = 0
    for (const c of demoContracts({ seed: 5, contracts: 100_000, now })) {
      const set = seen.get(c.insurerId) ?? new Set<string>()
      seen.set(c.insurerId, set)
      expect(set.has(c.policyNumber)).toBe(false)
      set.add(c.policyNumber)
      if (c.renewedPolicyNumber !== null) {
        renewed++
        expect(isValidPolicyNumber(c.renewedPolicyNumber)).toBe(true)
        expect(c.renewedPolicyNumber).not.toBe(c.policyNumber)
      }
    }
    const total = [...seen.values()].reduce((n, s) => n + s.size, 0)
    expect(total).toBe(100_000)
    expect(renewed).toBeGreaterThan(0)
    for (const set of seen.values()) for (const p of set) expect(isValidPolicyNumber(p)).toBe(true)
  })
})

describe('demo reference data', () => {
  const reference = demoReferenceData(11)

  it('has two fictional demo insurers on the seed rule set', () => {
    expect(reference.insurers.map((i) => i.id)).toEqual(['demo-a', 'demo-b'])
    for (const insurer of reference.insurers) {
      expect(insurer.name).toMatch(/^デモ/)
      expect(insurer.rules.webCutoffDaysBeforeMaturity).toBe(2)
    }
  })

  it('has six branches, ~40 staff with readings, one manager per branch', () => {
    expect(reference.branches).toHaveLength(6)
    expect(reference.staff.length).toBeGreaterThanOrEqual(36)
    expect(reference.staff.length).toBeLessThanOrEqual(44)
    const branchIds = new Set(reference.branches.map((b) => b.id))
    for (const s of reference.staff) {
      expect(branchIds.has(s.branchId)).toBe(true)
      expect(s.nameKana).toMatch(KATAKANA_NAME)
    }
    for (const b of reference.branches) {
      const managers = reference.staff.filter((s) => s.branchId === b.id && s.role === 'manager')
      expect(managers).toHaveLength(1)
    }
    expect(new Set(reference.staff.map((s) => s.name)).size).toBe(reference.staff.length)
  })
})
