import { Badge, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../electron/common/api/contract'

/**
 * Staff must never mistake demo rows for real clients (or call one), so demo data is
 * labelled loudly in the header on every screen; the insurers behind it are one hover away.
 */
export function DataSourceBadges({ info }: { info: AppInfo }) {
  const { t } = useTranslation()
  const insurers = (
    <Stack gap={2}>
      {info.dataSource === 'demo' && <Text size="xs">{t('header.demoDataHint')}</Text>}
      {info.insurers.map((insurer) => (
        <Text key={insurer.id} size="xs">
          {insurer.name}
          {insurer.isDemo ? `（${t('header.demoInsurer')}）` : ''}
        </Text>
      ))}
    </Stack>
  )
  return (
    <Tooltip label={insurers} multiline w={320}>
      {info.dataSource === 'demo' ? (
        <Badge
          color="orange.4"
          variant="filled"
          data-testid="demo-data-badge"
          style={{ flexShrink: 0 }}
        >
          {t('header.dataSource.demo')}
        </Badge>
      ) : (
        <Badge color="statusNeutral" variant="outline" style={{ flexShrink: 0 }}>
          {t(`header.dataSource.${info.dataSource}`)}
        </Badge>
      )}
    </Tooltip>
  )
}
