import { Alert, Button, EmptyState, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorKeyOf } from '../../api/errors'
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
  const key = errorKeyOf(error)
  return (
    <Alert
      data-testid="contracts-error"
      color="red"
      variant="light"
      title={t('contracts.error.title')}
      role="alert"
    >
      <Text size="sm">{t(`errors.${key}`)}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('contracts.error.code', { code: key })}
      </Text>
      <Button mt="sm" size="xs" variant="filled" color="red.9" onClick={onRetry}>
        {t('contracts.error.retry')}
      </Button>
    </Alert>
  )
}
