/**
 * One key for "the same text, typed differently". Staff search for ﾔﾏﾀﾞ, やまだ, ヤマダ or
 * ＹＡＭＡＤＡ, for 090-1234-5678 or ０９０ １２３４ ５６７８, for 品川300さ12-34: each
 * must find the same rows. Apply it to both the query and the stored text.
 *
 * - NFKC folds full-width ASCII and digits to ASCII, half-width katakana to full-width, and
 *   composes a half-width voiced mark with its kana (ｶﾞ → ガ).
 * - Hiragana becomes katakana (a fixed code-point offset), so the two scripts match.
 * - Latin letters are lower-cased.
 * - Spaces, hyphens, dashes, minus signs, middle dots and parentheses are dropped: they are
 *   layout in names, phone numbers (03(1234)5678) and plates, never content. The long-vowel
 *   mark ー is content in katakana (コーヒー) and is kept, except between digits, where an
 *   IME has typed it for a hyphen (090ー1234).
 */

// Space (incl. U+3000), ASCII and Unicode hyphens/dashes, minus, middle dot, parentheses.
const IGNORED = /[\s\-\u2010-\u2015\u2043\u2212\u30fb()]/gu
const LONG_VOWEL_BETWEEN_DIGITS = /(?<=\d)ー+(?=\d)/gu
// ぁ..ゖ and the iteration marks ゝゞ; katakana sits exactly 0x60 above each.
const HIRAGANA = /[\u3041-\u3096\u309d\u309e]/gu
const KATAKANA_OFFSET = 0x60

function hiraganaToKatakana(text: string): string {
  return text.replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + KATAKANA_OFFSET))
}

function pass(text: string): string {
  const folded = hiraganaToKatakana(text.normalize('NFKC').toLowerCase())
  return folded.replace(IGNORED, '').replace(LONG_VOWEL_BETWEEN_DIGITS, '')
}

/**
 * Repeats until nothing changes, so normalising twice is the same as once: dropping a space
 * can bring a kana and a detached voiced mark together, which the next NFKC then composes.
 */
export function normaliseForSearch(text: string): string {
  let current = text
  for (let i = 0; i < 8; i++) {
    const next = pass(current)
    if (next === current) return next
    current = next
  }
  return current
}
