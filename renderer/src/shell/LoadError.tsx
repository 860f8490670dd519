import { Alert, Button, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorKeyOf } from '../api/errors'

/**
 * A screen's data could not be loaded: what failed (in the screen's words), what to do (by
 * error code), and a retry in place. One component so every screen says it the same way.
 */
export function LoadError({
  testId,
  title,
  retryLabel,
  error,
  onRetry,
}: {
  testId: string
  title: string
  retryLabel: string
  error: unknown
  onRetry: () => void
}) {
  const { t } = useTranslation()
  const key = errorKeyOf(error)
  return (
    <Alert data-testid={testId} color="red" variant="light" title={title} role="alert">
      <Text size="sm">{t(`errors.${key}`)}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('contracts.error.code', { code: key })}
      </Text>
      <Button mt="sm" size="xs" variant="filled" color="red.9" onClick={onRetry}>
        {retryLabel}
      </Button>
    </Alert>
  )
}
