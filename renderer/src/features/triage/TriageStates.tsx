import { EmptyState } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TriageCategory, TriageScope } from '../../../../electron/common/api/triage-schemas'
import { LoadError } from '../../shell/LoadError'

/** A group with nobody in it is good news: say so plainly. */
export function TriageEmpty({ category, scope }: { category: TriageCategory; scope: TriageScope }) {
  const { t } = useTranslation()
  return (
    <EmptyState
      data-testid="triage-empty"
      mt="xl"
      title={t('triage.empty.title')}
      description={t('triage.empty.description', {
        scope: t(`triage.scope.${scope}`),
        category: t(`triage.categories.${category}`),
      })}
    />
  )
}

/** What failed, what to do (by error code), and a retry in place. */
export function TriageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <LoadError
      testId="triage-error"
      title={t('triage.error.title')}
      retryLabel={t('triage.error.retry')}
      error={error}
      onRetry={onRetry}
    />
  )
}
