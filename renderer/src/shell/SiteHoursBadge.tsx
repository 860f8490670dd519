import { Badge, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../electron/common/api/contract'
import { siteStatus } from '../../../electron/common/domain/insurer-rules'
import { formatJst } from '../../../electron/common/domain/japan-time'

/**
 * Whether clients can use the insurers' procedure sites right now (they close nightly,
 * e.g. 04:00–06:00 JST): staff should not tell a caller to "log in now" at 04:30.
 */
export function SiteHoursBadge({ insurers, now }: { insurers: AppInfo['insurers']; now: Date }) {
  const { t } = useTranslation()
  if (insurers.length === 0) return null
  const closed = insurers
    .map((insurer) => siteStatus(now, insurer.rules))
    .flatMap((status) => (status.open ? [] : [status.reopensAt.getTime()]))
  const hours = (
    <Stack gap={2}>
      {insurers.map((insurer) => (
        <Text key={insurer.id} size="xs">
          {t('header.site.hours', {
            insurer: insurer.name,
            open: insurer.rules.siteClosedUntil,
            close: insurer.rules.siteClosedFrom,
            days: insurer.rules.webCutoffDaysBeforeMaturity,
            cutoff: insurer.rules.webCutoffTime,
          })}
        </Text>
      ))}
    </Stack>
  )
  return (
    <Tooltip label={hours} multiline w={360}>
      {closed.length > 0 ? (
        <Badge color="statusCaution" variant="outline" data-testid="site-hours" data-open="false">
          {t('header.site.closed', { time: formatJst(Math.max(...closed), 'HH:mm') })}
        </Badge>
      ) : (
        <Badge color="statusOk" variant="outline" data-testid="site-hours" data-open="true">
          {t('header.site.open')}
        </Badge>
      )}
    </Tooltip>
  )
}
