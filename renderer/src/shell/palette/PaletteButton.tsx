import { Button, Kbd } from '@mantine/core'
import { useOs } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { palette } from './palette-store'

/** The header's way into the palette, showing its shortcut for those who want to learn it. */
export function PaletteButton() {
  const { t } = useTranslation()
  const os = useOs()
  const shortcut = os === 'macos' || os === 'ios' ? '⌘K' : 'Ctrl+K'
  const label = t('palette.openLabel', { shortcut })
  // The header is crowded: the key itself is the button's face, its name is in the label.
  return (
    <Button
      variant="default"
      size="compact-sm"
      onClick={palette.open}
      aria-label={label}
      title={label}
      aria-keyshortcuts="Control+K Meta+K"
      data-testid="palette-button"
      style={{ flexShrink: 0 }}
    >
      <Kbd size="xs">{shortcut}</Kbd>
    </Button>
  )
}
