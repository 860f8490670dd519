import { Button, Group, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { StaffMenu } from '../features/session/StaffMenu'
import { InsurerSettingsDialog } from '../features/settings/InsurerSettingsDialog'
import { SyncIndicator } from '../features/sync/SyncIndicator'
import { ColorSchemeToggle } from './ColorSchemeToggle'
import { DataSourceBadges } from './DataSourceBadges'
import { InsurerConnectionBadge } from './InsurerConnectionBadge'
import { JstClock } from './JstClock'
import { LanguageSwitch } from './LanguageSwitch'
import { PaletteButton } from './palette/PaletteButton'
import { SiteHoursBadge } from './SiteHoursBadge'
import { useNow } from './use-now'
import { useAppInfo } from './use-app-info'

/** One clock for the header: the JST clock and the site-hours badge always agree. */
const CLOCK_REFRESH_MS = 30_000

export function AppHeader() {
  const { t } = useTranslation()
  const info = useAppInfo()
  const now = useNow(CLOCK_REFRESH_MS)
  const [settingsOpen, settings] = useDisclosure(false)
  // On a narrow window (or in English, whose labels are longer) only the status badges
  // (their details in tooltips) shrink to an ellipsis; the name, the demo badge, the clock
  // and every control keep their full size. (The book's contract count lives in the data
  // badge's tooltip: inline, it was cut to "契約 3,0…" at 1,280 px, a number misread.)
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Title>
        {info.data && <DataSourceBadges info={info.data} />}
      </Group>
      <Group gap="sm" wrap="nowrap" miw={0}>
        <PaletteButton />
        <Group gap="sm" wrap="nowrap" miw={0}>
          <SyncIndicator />
          <InsurerConnectionBadge />
          {info.data && <SiteHoursBadge insurers={info.data.insurers} now={now} />}
        </Group>
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          <JstClock now={now} />
          <Button variant="default" size="compact-sm" onClick={settings.open}>
            {t('insurerSettings.open')}
          </Button>
          <InsurerSettingsDialog opened={settingsOpen} onClose={settings.close} />
          <StaffMenu />
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Group>
      </Group>
    </Group>
  )
}
