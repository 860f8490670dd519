import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ContractListRow } from '../../../../electron/common/api/contract'
import { UrgencyBadge } from './UrgencyBadge'

/**
 * While a contract still needs renewing, its urgency; after that, how it ended — a red
 * "expired" badge on a contract renewed last week would send staff chasing the wrong client.
 */
export function DeadlineBadge({ row }: { row: ContractListRow }) {
  const { t } = useTranslation()
  if (row.urgency) return <UrgencyBadge bucket={row.urgency} />
  const common = { size: 'sm', radius: 'sm', 'data-testid': 'outcome' } as const
  if (row.renewalStatus === 'renewed') {
    return (
      <Badge {...common} color="green.9" variant="light">
        {t(`renewedVia.${row.renewalChannel ?? 'web'}`)}
      </Badge>
    )
  }
  if (row.renewalStatus === 'lapsed') {
    return (
      <Badge {...common} color="red.9" variant="outline">
        {t('renewalStatus.lapsed')}
      </Badge>
    )
  }
  return (
    <Badge {...common} color="gray" variant="light">
      {t(`renewalStatus.${row.renewalStatus}`)}
    </Badge>
  )
}
