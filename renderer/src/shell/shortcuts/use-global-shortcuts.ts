import { useHotkeys, type HotkeyItem } from '@mantine/hooks'
import { useRef } from 'react'
import { SEQUENCE_TIMEOUT_MS, type ShortcutCommand, type ShortcutEntry } from './registry'

export interface ShortcutActions {
  togglePalette(): void
  openHelp(): void
  focusSearch(): void
  navigate(path: string): void
}

/** A dialog has the keyboard: screen-level shortcuts must not act behind it. */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null
}

/**
 * Mounts the registry's global shortcuts (once, in AppLayout). Plain keys are ignored while
 * typing in a field (useHotkeys' default); chords marked whileTyping work there too.
 * Sequences ("g" then "c") remember the prefix for a moment; the second key acts only then,
 * and is otherwise left alone (no preventDefault), so ordinary typing is untouched.
 */
export function useGlobalShortcuts(entries: readonly ShortcutEntry[], actions: ShortcutActions) {
  const pending = useRef<{ prefix: string; at: number } | null>(null)

  const run = (command: ShortcutCommand) => {
    if (command.kind === 'palette') return actions.togglePalette()
    if (modalOpen()) return
    if (command.kind === 'help') return actions.openHelp()
    if (command.kind === 'focusSearch') return actions.focusSearch()
    actions.navigate(command.path)
  }

  const plain: HotkeyItem[] = []
  const typing: HotkeyItem[] = []
  const prefixes = new Set<string>()
  for (const entry of entries) {
    const { command } = entry
    if (!command) continue
    if (entry.sequence.length === 1) {
      const target = entry.whileTyping ? typing : plain
      for (const key of [...entry.sequence, ...(entry.aliases ?? [])])
        target.push([key, () => run(command)])
      continue
    }
    const [prefix = '', last = ''] = entry.sequence
    if (!prefixes.has(prefix)) {
      prefixes.add(prefix)
      plain.push([prefix, () => (pending.current = { prefix, at: Date.now() })])
    }
    plain.push([
      last,
      (event) => {
        const started = pending.current
        if (!started || started.prefix !== prefix) return
        pending.current = null
        if (Date.now() - started.at > SEQUENCE_TIMEOUT_MS) return
        event.preventDefault()
        run(command)
      },
      { preventDefault: false },
    ])
  }
  useHotkeys(plain)
  useHotkeys(typing, [], true)
}

/** "/" lands in the screen's search box: one marked for it, else the first text field. */
export function focusScreenSearch(): void {
  const target =
    document.querySelector<HTMLInputElement>('[data-shortcut-focus="search"]') ??
    document.querySelector<HTMLInputElement>(
      'main input[type="search"], main input[type="text"], main input:not([type])',
    )
  target?.focus()
  target?.select?.()
}
