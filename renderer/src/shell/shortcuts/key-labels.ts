import type { ShortcutEntry } from './registry'

/** How a key in useHotkeys notation is printed on a key cap. */
const NAMES: Record<string, string> = {
  arrowup: '↑',
  arrowdown: '↓',
  arrowleft: '←',
  arrowright: '→',
  escape: 'Esc',
  enter: 'Enter',
  shift: 'Shift',
  alt: 'Alt',
  ctrl: 'Ctrl',
}

/** The caps of one chord, e.g. 'mod+K' → ['Ctrl', 'K'] (['⌘', 'K'] on a Mac). */
export function chordCaps(chord: string, mac: boolean): string[] {
  const parts = chord.split('+').map((p) => p.trim())
  // A printed '?' already means Shift on every layout: show the character alone.
  const printable = parts.filter((p) => !(p.toLowerCase() === 'shift' && parts.includes('?')))
  return printable.map((p) => {
    const lower = p.toLowerCase()
    if (lower === 'mod') return mac ? '⌘' : 'Ctrl'
    return NAMES[lower] ?? (printable.length > 1 ? p.toUpperCase() : p)
  })
}

/**
 * What the help shows for one entry: each alternative is a sequence of chords, and each
 * chord a list of caps. Aliases that print the same (shift+? and ?) are shown once.
 */
export function entryCaps(entry: ShortcutEntry, mac: boolean): string[][][] {
  const prefix = entry.sequence.slice(0, -1)
  const lasts = [entry.sequence.at(-1) ?? '', ...(entry.aliases ?? [])]
  const seen = new Set<string>()
  const alternatives: string[][][] = []
  for (const last of lasts) {
    const steps = [...prefix, last].map((chord) => chordCaps(chord, mac))
    const key = JSON.stringify(steps)
    if (seen.has(key)) continue
    seen.add(key)
    alternatives.push(steps)
  }
  return alternatives
}
