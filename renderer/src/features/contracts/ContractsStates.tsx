import { EmptyState, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LoadError } from '../../shell/LoadError'
import { useSyncStatus } from '../sync/use-sync-status'

export function ContractsEmpty() {
  const { t } = useTranslation()
  const sync = useSyncStatus().data
  // A fresh install fills the cache from the insurer first: show that, not "no contracts".
  if (
    sync &&
    (sync.state === 'syncing' || (sync.state === 'never' && sync.lastErrorCode === null))
  ) {
    const done = sync.progress?.done ?? 0
    const total = sync.progress?.total ?? null
    return (
      <Stack mt="xl" gap="xs" maw={520} mx="auto" data-testid="initial-sync">
        <Text size="sm">
          {total === null ? t('sync.initialUnknown', { done }) : t('sync.initial', { done, total })}
        </Text>
        <Progress
          value={total ? (100 * done) / total : 0}
          animated
          aria-label={t('sync.running')}
        />
      </Stack>
    )
  }
  return (
    <EmptyState
      data-testid="contracts-empty"
      mt="xl"
      title={t('contracts.empty.title')}
      description={t('contracts.empty.description')}
    />
  )
}

/** Says what failed and what to do (by error code), with a way to try again in place. */
export function ContractsError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <LoadError
      testId="contracts-error"
      title={t('contracts.error.title')}
      retryLabel={t('contracts.error.retry')}
      error={error}
      onRetry={onRetry}
    />
  )
}
