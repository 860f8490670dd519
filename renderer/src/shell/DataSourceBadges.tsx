import { Badge, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../electron/common/api/contract'

/**
 * Staff must never mistake demo rows for real clients (or call one), so demo data is
 * labelled loudly in the header on every screen; how many contracts the book holds and the
 * insurers behind it are one hover (or focus) away.
 */
export function DataSourceBadges({ info }: { info: AppInfo }) {
  const { t } = useTranslation()
  const demo = info.dataSource === 'demo'
  const details = (
    <Stack gap={2}>
      {demo && <Text size="xs">{t('header.demoDataHint')}</Text>}
      <Text size="xs" className="tabular" data-testid="header-contract-count">
        {t('header.contractCount', { count: info.contractCount })}
      </Text>
      {info.insurers.map((insurer) => (
        <Text key={insurer.id} size="xs">
          {insurer.name}
          {insurer.isDemo ? `（${t('header.demoInsurer')}）` : ''}
        </Text>
      ))}
    </Stack>
  )
  return (
    // Focusable, so the keyboard reaches the details too.
    <Tooltip label={details} multiline w={320} events={{ hover: true, focus: true, touch: true }}>
      <Badge
        color={demo ? 'orange.4' : 'statusNeutral'}
        variant={demo ? 'filled' : 'outline'}
        tabIndex={0}
        data-testid={demo ? 'demo-data-badge' : 'data-source-badge'}
        style={{ flexShrink: 0 }}
      >
        {t(`header.dataSource.${info.dataSource}`)}
      </Badge>
    </Tooltip>
  )
}
