import { createSpotlight } from '@mantine/spotlight'

/**
 * The command palette's own Spotlight store, so the header button, the shortcut registry
 * and the palette share one open/closed state.
 */
export const [paletteStore, palette] = createSpotlight()

/** The id of the palette's result list (Spotlight finds the selected action by it). */
export const PALETTE_LIST_ID = 'command-palette-results'

/**
 * Client results arrive after the typed query was handled, when Spotlight has already
 * tried (and failed) to select the first result: select it then, so Enter opens it.
 */
export function selectFirstResultIfNone(): void {
  const list = document.getElementById(PALETTE_LIST_ID)
  if (!list || list.querySelector('[data-selected]')) return
  const first = list.querySelector('[data-action]')
  if (!first) return
  first.setAttribute('data-selected', 'true')
  paletteStore.updateState((state) => ({ ...state, selected: 0 }))
}
