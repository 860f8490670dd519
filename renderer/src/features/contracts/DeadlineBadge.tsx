import { Badge, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ContractListRow } from '../../../../electron/common/api/contract'
import { UrgencyBadge } from './UrgencyBadge'

/**
 * While a contract still needs renewing, its urgency; after that, how it ended — a red
 * "expired" badge on a contract renewed last week would send staff chasing the wrong client.
 * Outline badges keep dark text on a light ground (WCAG AA) in both colour schemes.
 */
export function DeadlineBadge({ row }: { row: ContractListRow }) {
  const { t } = useTranslation()
  if (row.urgency) return <UrgencyBadge bucket={row.urgency} />
  const renewed = row.renewalStatus === 'renewed'
  const label = renewed
    ? t(`renewedVia.${row.renewalChannel ?? 'web'}`)
    : row.renewalStatus === 'lapsed' || row.renewalStatus === 'cancelled'
      ? t(`outcome.${row.renewalStatus}`)
      : t(`renewalStatus.${row.renewalStatus}`)
  const color = renewed
    ? 'statusOk'
    : row.renewalStatus === 'lapsed'
      ? 'statusAlert'
      : 'statusNeutral'
  return (
    <Tooltip label={t(`renewalStatus.${row.renewalStatus}`)}>
      <Badge size="sm" radius="sm" variant="outline" color={color} data-testid="outcome">
        {label}
      </Badge>
    </Tooltip>
  )
}
