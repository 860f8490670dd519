/**
 * Full-width katakana → half-width (ﾔﾏﾀﾞ), as typed on some agency PCs: the reverse of what
 * NFKC does, for tests of search. Voiced kana become base + ﾞ/ﾟ; other text is kept.
 */
const FULL =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョー'
const HALF = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ'

export function toHalfWidthKana(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFD')) {
    if (ch === '\u3099') out += 'ﾞ'
    else if (ch === '\u309a') out += 'ﾟ'
    else if (ch === '\u3000') out += ' '
    else {
      const i = FULL.indexOf(ch)
      out += i >= 0 ? HALF[i] : ch
    }
  }
  return out
}

/** Katakana → hiragana (the IME's default), for tests of kana folding. */
export function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
}
