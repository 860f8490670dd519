import {
  ActionIcon,
  Group,
  Popover,
  Select,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SYNC_INTERVAL_MINUTES } from '../../../../electron/common/api/contract'
import { formatJst } from '../../../../electron/common/domain/japan-time'
import { useConfigureSync, useRunSync, useSyncStatus } from './use-sync-status'

/**
 * "Synced 04:10" or "Syncing 45%", and a button to sync now. The label opens the details:
 * next run, and how often the app syncs on its own.
 */
export function SyncIndicator() {
  const { t } = useTranslation()
  const status = useSyncStatus().data
  const runSync = useRunSync()
  const configure = useConfigureSync()
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
      <Popover position="bottom-end" withArrow shadow="md" trapFocus>
        <Popover.Target>
          <UnstyledButton aria-label={`${label} — ${t('sync.details')}`}>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {label}
            </Text>
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" w={240}>
            <Text size="sm">
              {status.nextRunAt
                ? t('sync.nextRun', { time: formatJst(status.nextRunAt, 'HH:mm') })
                : t('sync.noNextRun')}
            </Text>
            <Select
              label={t('sync.interval')}
              data={SYNC_INTERVAL_MINUTES.map((m) => ({
                value: String(m),
                label: t('sync.everyMinutes', { count: m }),
              }))}
              value={String(status.intervalMinutes)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: false }}
              onChange={(value) => value && void configure(Number(value))}
              data-testid="sync-interval"
            />
          </Stack>
        </Popover.Dropdown>
      </Popover>
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
