import type { ParseKeys } from 'i18next'
import type { ScreenRoute } from '../routes'

/**
 * Every keyboard shortcut of the app, in one list: the global handlers are built from it
 * (use-global-shortcuts.ts) and the help dialog prints it, so the two cannot disagree.
 * Keys use @mantine/hooks useHotkeys notation ('mod+K', 'shift+?', 'g').
 */

export type ShortcutGroup = 'global' | 'navigation' | 'lists'

/** What a global shortcut does; entries without one are handled inside lists and dialogs. */
export type ShortcutCommand =
  { kind: 'palette' } | { kind: 'help' } | { kind: 'focusSearch' } | { kind: 'goTo'; path: string }

export interface ShortcutEntry {
  id: string
  group: ShortcutGroup
  /** Keys pressed one after another, e.g. ['g', 'c']; a single chord is a list of one. */
  sequence: string[]
  /** The same last key in other notations that must work too (shift+? and ?). */
  aliases?: string[]
  /** i18n key of what it does, and its values (a screen's name is given as its key). */
  labelKey: ParseKeys
  screenLabelKey?: ParseKeys
  command?: ShortcutCommand
  /** Also while typing in a field: only chords with a modifier, which never type text. */
  whileTyping?: boolean
}

/** The first key of every "go to a screen" sequence. */
export const GO_TO_PREFIX = 'g'
/** How long after the prefix the screen key is still taken as part of the sequence. */
export const SEQUENCE_TIMEOUT_MS = 1500

/** Screens with a `shortcut` in ROUTES get "g then <key>"; the rest of the list is fixed. */
export function shortcutRegistry(routes: readonly ScreenRoute[]): ShortcutEntry[] {
  const goTo: ShortcutEntry[] = routes
    .filter((r): r is ScreenRoute & { shortcut: string } => Boolean(r.shortcut))
    .map((r) => ({
      id: `go-${r.path}`,
      group: 'navigation',
      sequence: [GO_TO_PREFIX, r.shortcut],
      labelKey: 'shortcuts.actions.goTo',
      screenLabelKey: r.labelKey,
      command: { kind: 'goTo', path: r.path },
    }))
  return [
    {
      id: 'palette',
      group: 'global',
      sequence: ['mod+K'],
      labelKey: 'shortcuts.actions.palette',
      command: { kind: 'palette' },
      whileTyping: true,
    },
    {
      id: 'help',
      group: 'global',
      sequence: ['shift+?'],
      aliases: ['?'],
      labelKey: 'shortcuts.actions.help',
      command: { kind: 'help' },
    },
    {
      id: 'search',
      group: 'global',
      sequence: ['/'],
      labelKey: 'shortcuts.actions.focusSearch',
      command: { kind: 'focusSearch' },
    },
    ...goTo,
    { id: 'escape', group: 'lists', sequence: ['Escape'], labelKey: 'shortcuts.actions.escape' },
    {
      id: 'arrows',
      group: 'lists',
      sequence: ['ArrowUp'],
      aliases: ['ArrowDown'],
      labelKey: 'shortcuts.actions.arrows',
    },
    { id: 'enter', group: 'lists', sequence: ['Enter'], labelKey: 'shortcuts.actions.enter' },
  ]
}
