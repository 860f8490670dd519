import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseForSearch as n } from '../../../electron/common/domain/search-normalise'

describe('normaliseForSearch examples', () => {
  it.each([
    // Names: half-width katakana with voiced marks, hiragana, katakana, spaces of both widths.
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
    ['やまだ', 'ヤマダ'],
    ['ヤマダ', 'ヤマダ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
    ['やまだ　たろう', 'ヤマダタロウ'],
    ['ﾊﾟﾝﾀﾞ', 'パンダ'],
    ['ゔぃ', 'ヴィ'],
    // A detached voiced mark (゛) after a kana composes once the space NFKC puts in is gone.
    ['か゛', 'ガ'],
    // Full-width Latin folds to lower-case ASCII.
    ['ＹＡＭＡＤＡ', 'yamada'],
    ['Yamada Taro', 'yamadataro'],
    // The long-vowel mark is part of a katakana word.
    ['コーヒー', 'コーヒー'],
    ['ｺｰﾋｰ', 'コーヒー'],
    // Phone numbers: every hyphen, dash and bracket style, and an IME's ー for a hyphen.
    ['090-1234-5678', '09012345678'],
    ['０９０－１２３４－５６７８', '09012345678'],
    ['090 1234 5678', '09012345678'],
    ['090ー1234ー5678', '09012345678'],
    ['090−1234‐5678', '09012345678'],
    ['03(1234)5678', '0312345678'],
    ['03（1234）5678', '0312345678'],
    // Plates, with the kana in either script and digits in either width.
    ['品川 300 さ 12-34', '品川300サ1234'],
    ['品川３００さ１２－３４', '品川300サ1234'],
    ['品川300サ1234', '品川300サ1234'],
    // Policy numbers.
    ['１２３４５６７８９０', '1234567890'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(n(input)).toBe(expected)
  })
})

// Generators build the same text in different spellings, unit by unit.
const HIRAGANA = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) =>
  String.fromCharCode(0x3041 + i),
)
const toKatakana = (s: string) => String.fromCharCode(s.charCodeAt(0) + 0x60)

/** Full-width katakana → half-width spelling, built by inverting NFKC over the half-width block. */
const HALF_WIDTH = new Map<string, string>()
for (let cp = 0xff66; cp <= 0xff9d; cp++) {
  const half = String.fromCharCode(cp)
  HALF_WIDTH.set(half.normalize('NFKC'), half)
}
for (const [full, half] of [...HALF_WIDTH]) {
  for (const [mark, halfMark] of [
    ['\u3099', 'ﾞ'],
    ['\u309a', 'ﾟ'],
  ] as const) {
    const composed = (full + mark).normalize('NFC')
    if (composed.length === 1) HALF_WIDTH.set(composed, half + halfMark)
  }
}
const KATAKANA_WITH_HALF_WIDTH = [...HALF_WIDTH.keys()]

const ASCII = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i))
const toFullWidth = (ch: string) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)

/** A unit of text and its alternative spellings. */
interface Unit {
  plain: string
  alt: string
}
const unit: fc.Arbitrary<Unit> = fc.oneof(
  fc.constantFrom(...HIRAGANA).map((h) => ({ plain: h, alt: toKatakana(h) })),
  fc.constantFrom(...KATAKANA_WITH_HALF_WIDTH).map((k) => ({ plain: k, alt: HALF_WIDTH.get(k)! })),
  fc.constantFrom(...ASCII).map((a) => ({ plain: a, alt: toFullWidth(a) })),
  fc.constantFrom('山', '田', '品', '川', '漢').map((k) => ({ plain: k, alt: k })),
)
const units = fc.array(unit, { maxLength: 20 })
const join = (us: Unit[], pick: (u: Unit) => string) => us.map(pick).join('')

describe('normaliseForSearch properties', () => {
  it('is idempotent, on any Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(n(n(s))).toBe(n(s))
      }),
      { numRuns: 3000 },
    )
    fc.assert(
      fc.property(units, (us) => {
        const s = join(us, (u) => u.alt)
        expect(n(n(s))).toBe(n(s))
      }),
    )
  })

  it('ignores hiragana/katakana and full-/half-width spelling', () => {
    fc.assert(
      fc.property(units, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (us, flips) => {
        const mixed = us.map((u, i) => (flips[i] ? u.alt : u.plain)).join('')
        expect(n(mixed)).toBe(n(join(us, (u) => u.plain)))
        expect(n(join(us, (u) => u.alt))).toBe(n(join(us, (u) => u.plain)))
      }),
      { numRuns: 1000 },
    )
  })

  it('ignores spaces and hyphens between units', () => {
    const gap = fc.constantFrom('', ' ', '\u3000', '\t', '-', '－', '‐')
    fc.assert(
      fc.property(units, fc.array(gap, { minLength: 20, maxLength: 20 }), (us, gaps) => {
        const spaced = us.map((u, i) => u.plain + (gaps[i] ?? '')).join('')
        expect(n(spaced)).toBe(n(join(us, (u) => u.plain)))
      }),
      { numRuns: 1000 },
    )
  })

  it('leaves no hiragana, half-width kana, full-width ASCII, upper case, space or hyphen', () => {
    fc.assert(
      fc.property(units, (us) => {
        expect(n(join(us, (u) => u.alt))).not.toMatch(
          /[\u3041-\u3096\uff61-\uff9f\uff01-\uff5eA-Z\s-]/u,
        )
      }),
    )
  })
})
