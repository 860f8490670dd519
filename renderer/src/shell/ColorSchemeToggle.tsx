import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Flips between light and dark; Mantine persists the choice (the default follows the OS). */
export function ColorSchemeToggle() {
  const { t } = useTranslation()
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true })
  const next = computed === 'dark' ? 'light' : 'dark'
  const label = next === 'dark' ? t('header.toDark') : t('header.toLight')
  return (
    <ActionIcon
      variant="default"
      size="md"
      aria-label={label}
      title={label}
      onClick={() => setColorScheme(next)}
    >
      <span aria-hidden>{next === 'dark' ? '☾' : '☀'}</span>
    </ActionIcon>
  )
}
