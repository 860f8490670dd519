import { Badge, Tooltip } from '@mantine/core'
import { useState } from 'react'
import type { ContractListRow } from '../../../../electron/common/api/contract'
import type { RowText } from './use-row-text'
import { UrgencyBadge } from './UrgencyBadge'

/**
 * While a contract still needs renewing, its urgency; after that, how it ended — a red
 * "expired" badge on a contract renewed last week would send staff chasing the wrong client.
 * Outline badges keep dark text on a light ground (WCAG AA) in both colour schemes.
 */
export function DeadlineBadge({ row, text }: { row: ContractListRow; text: RowText }) {
  // A Mantine Tooltip (floating-ui underneath) costs more to draw than the rest of a list
  // row: it is only put around the badge once the pointer first reaches it.
  const [pointed, setPointed] = useState(false)
  if (row.urgency) return <UrgencyBadge bucket={row.urgency} />
  const renewed = row.renewalStatus === 'renewed'
  const label = renewed
    ? text(`renewedVia.${row.renewalChannel ?? 'web'}`)
    : row.renewalStatus === 'lapsed' || row.renewalStatus === 'cancelled'
      ? text(`outcome.${row.renewalStatus}`)
      : text(`renewalStatus.${row.renewalStatus}`)
  const color = renewed
    ? 'statusOk'
    : row.renewalStatus === 'lapsed'
      ? 'statusAlert'
      : 'statusNeutral'
  const badge = (
    <Badge
      size="sm"
      radius="sm"
      variant="outline"
      color={color}
      data-testid="outcome"
      onMouseEnter={pointed ? undefined : () => setPointed(true)}
    >
      {label}
    </Badge>
  )
  if (!pointed) return badge
  return (
    // Opened at once: the pointer that armed it is already over the badge.
    <Tooltip label={text(`renewalStatus.${row.renewalStatus}`)} defaultOpened>
      {badge}
    </Tooltip>
  )
}
