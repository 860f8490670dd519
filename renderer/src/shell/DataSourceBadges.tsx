import { Badge, Group, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../electron/common/api/contract'

/**
 * Staff must never mistake demo rows for real clients (or call one), so demo data and
 * demo insurers are labelled loudly in the header on every screen.
 */
export function DataSourceBadges({ info }: { info: AppInfo }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" wrap="nowrap">
      {info.dataSource === 'demo' ? (
        <Tooltip label={t('header.demoDataHint')}>
          <Badge color="orange.4" variant="filled" data-testid="demo-data-badge">
            {t('header.dataSource.demo')}
          </Badge>
        </Tooltip>
      ) : (
        <Badge color="gray" variant="light">
          {t(`header.dataSource.${info.dataSource}`)}
        </Badge>
      )}
      {info.insurers.map((insurer) => (
        <Group key={insurer.id} gap={4} wrap="nowrap">
          <Text size="sm">{insurer.name}</Text>
          {insurer.isDemo && (
            <Badge size="xs" color="statusCaution" variant="outline">
              {t('header.demoInsurer')}
            </Badge>
          )}
        </Group>
      ))}
    </Group>
  )
}
