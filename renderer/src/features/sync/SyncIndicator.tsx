import { ActionIcon, Group, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatJst } from '../../../../electron/common/domain/japan-time'
import { useRunSync, useSyncStatus } from './use-sync-status'

/** "Synced 04:10" or "Syncing 45%", and a button to sync now. */
export function SyncIndicator() {
  const { t } = useTranslation()
  const status = useSyncStatus().data
  const runSync = useRunSync()
  if (!status) return null
  const percent = status.progress?.total
    ? Math.floor((100 * status.progress.done) / Math.max(1, status.progress.total))
    : null
  const label =
    status.state === 'syncing'
      ? percent === null
        ? t('sync.running')
        : t('sync.runningPercent', { percent })
      : status.lastSuccessAt
        ? t('sync.lastSuccess', { time: formatJst(status.lastSuccessAt, 'HH:mm') })
        : t('sync.never')
  return (
    <Group gap={4} wrap="nowrap" data-testid="sync-indicator" data-state={status.state}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      <Tooltip label={t('sync.runNow')}>
        <ActionIcon
          variant="default"
          size="sm"
          aria-label={t('sync.runNow')}
          onClick={() => void runSync()}
          loading={status.state === 'syncing'}
        >
          <span aria-hidden>↻</span>
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}
