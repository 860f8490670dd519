import { Alert, Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatJst } from '../../../../electron/common/domain/japan-time'
import { useRunSync, useSyncStatus } from './use-sync-status'

/**
 * Always visible while the insurer cannot be reached: staff keep working from the cache,
 * so they must know how old it is and that their reissues are waiting, not lost.
 */
export function SyncBanner() {
  const { t } = useTranslation()
  const status = useSyncStatus().data
  const runSync = useRunSync()
  if (!status || !['offline', 'site_closed', 'error'].includes(status.state)) return null
  const asOf = status.lastSuccessAt
    ? formatJst(status.lastSuccessAt, 'yyyy/MM/dd HH:mm')
    : t('sync.never')
  return (
    <Alert
      color="statusCaution"
      variant="outline"
      mb="sm"
      data-testid="offline-banner"
      role="status"
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <div>
          <Text fw={700} size="sm">
            {status.state === 'site_closed'
              ? t('sync.banner.siteClosed', {
                  time: status.reopensAt ? formatJst(status.reopensAt, 'HH:mm') : '—',
                })
              : t(`sync.banner.${status.state === 'offline' ? 'offline' : 'error'}`)}
          </Text>
          <Text size="sm">
            {t('sync.banner.asOf', { asOf })}
            {status.pendingOutbox > 0 &&
              ` ${t('sync.banner.pending', { count: status.pendingOutbox })}`}
          </Text>
        </div>
        <Button variant="default" size="compact-sm" onClick={() => void runSync()}>
          {t('sync.retry')}
        </Button>
      </Group>
    </Alert>
  )
}
