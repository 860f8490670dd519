import { useDisclosure } from '@mantine/hooks'
import { useMemo } from 'react'
import { useLocation } from 'wouter'
import { CommandPalette } from '../palette/CommandPalette'
import { palette } from '../palette/palette-store'
import { ROUTES } from '../routes'
import { shortcutRegistry } from './registry'
import { ShortcutsHelp } from './ShortcutsHelp'
import { focusScreenSearch, useGlobalShortcuts } from './use-global-shortcuts'

/** Mounted once inside the router: the shortcut handlers, the palette and the help dialog. */
export function GlobalShortcuts() {
  const [, navigate] = useLocation()
  const [helpOpened, help] = useDisclosure(false)
  const entries = useMemo(() => shortcutRegistry(ROUTES), [])
  useGlobalShortcuts(entries, {
    togglePalette: palette.toggle,
    openHelp: help.open,
    focusSearch: focusScreenSearch,
    navigate,
  })
  return (
    <>
      <CommandPalette onShowShortcuts={help.open} />
      <ShortcutsHelp opened={helpOpened} onClose={help.close} entries={entries} />
    </>
  )
}
