import { Badge, type BadgeProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { UrgencyBucket } from '../../../../electron/common/domain/insurer-rules'

/**
 * Colour rises with urgency. Shades are picked for WCAG AA contrast (theme.autoContrast
 * chooses black or white text on filled ones); the text says the same thing for anyone
 * who cannot tell the colours apart.
 */
const LOOK: Record<UrgencyBucket, Pick<BadgeProps, 'color' | 'variant'>> = {
  closed: { color: 'red.9', variant: 'filled' },
  d3: { color: 'orange.5', variant: 'filled' },
  d7: { color: 'yellow.4', variant: 'filled' },
  d14: { color: 'blue', variant: 'light' },
  d30: { color: 'cyan', variant: 'light' },
  later: { color: 'gray', variant: 'light' },
}

export function UrgencyBadge({ bucket }: { bucket: UrgencyBucket }) {
  const { t } = useTranslation()
  return (
    <Badge size="sm" radius="sm" {...LOOK[bucket]} data-urgency={bucket} data-testid="urgency">
      {t(`urgency.${bucket}`)}
    </Badge>
  )
}
