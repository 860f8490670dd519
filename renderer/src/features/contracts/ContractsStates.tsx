import { Alert, Button, EmptyState, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorKeyOf } from '../../api/errors'

export function ContractsEmpty() {
  const { t } = useTranslation()
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
