/**
 * Katakana → simplified Hepburn, only for building invented email local parts (people
 * write their names in romaji there). Long vowels are spelled out (サトウ → satou), as
 * they usually are in addresses.
 */
const BASE: Record<string, string> = {
  ア: 'a',
  イ: 'i',
  ウ: 'u',
  エ: 'e',
  オ: 'o',
  カ: 'ka',
  キ: 'ki',
  ク: 'ku',
  ケ: 'ke',
  コ: 'ko',
  ガ: 'ga',
  ギ: 'gi',
  グ: 'gu',
  ゲ: 'ge',
  ゴ: 'go',
  サ: 'sa',
  シ: 'shi',
  ス: 'su',
  セ: 'se',
  ソ: 'so',
  ザ: 'za',
  ジ: 'ji',
  ズ: 'zu',
  ゼ: 'ze',
  ゾ: 'zo',
  タ: 'ta',
  チ: 'chi',
  ツ: 'tsu',
  テ: 'te',
  ト: 'to',
  ダ: 'da',
  ヂ: 'ji',
  ヅ: 'zu',
  デ: 'de',
  ド: 'do',
  ナ: 'na',
  ニ: 'ni',
  ヌ: 'nu',
  ネ: 'ne',
  ノ: 'no',
  ハ: 'ha',
  ヒ: 'hi',
  フ: 'fu',
  ヘ: 'he',
  ホ: 'ho',
  バ: 'ba',
  ビ: 'bi',
  ブ: 'bu',
  ベ: 'be',
  ボ: 'bo',
  パ: 'pa',
  ピ: 'pi',
  プ: 'pu',
  ペ: 'pe',
  ポ: 'po',
  マ: 'ma',
  ミ: 'mi',
  ム: 'mu',
  メ: 'me',
  モ: 'mo',
  ヤ: 'ya',
  ユ: 'yu',
  ヨ: 'yo',
  ラ: 'ra',
  リ: 'ri',
  ル: 'ru',
  レ: 're',
  ロ: 'ro',
  ワ: 'wa',
  ヲ: 'o',
  ン: 'n',
}

const SMALL_Y: Record<string, string> = { ャ: 'a', ュ: 'u', ョ: 'o' }

export function katakanaToRomaji(kana: string): string {
  let out = ''
  let doubleNext = false
  for (let i = 0; i < kana.length; i++) {
    const ch = kana[i] as string
    if (ch === 'ッ') {
      doubleNext = true
      continue
    }
    if (ch === 'ー') continue
    let syllable = BASE[ch] ?? ''
    const next = kana[i + 1]
    const small = next === undefined ? undefined : SMALL_Y[next]
    if (small !== undefined && syllable.endsWith('i')) {
      const stem = syllable.slice(0, -1)
      // shi+ya → sha, chi+yo → cho, ji+yu → ju; ki+yo → kyo.
      syllable = /^(sh|ch|j)$/.test(stem) ? stem + small : stem + 'y' + small
      i++
    }
    if (doubleNext && syllable) {
      syllable = (syllable.startsWith('ch') ? 't' : syllable[0]) + syllable
      doubleNext = false
    }
    out += syllable
  }
  return out
}
