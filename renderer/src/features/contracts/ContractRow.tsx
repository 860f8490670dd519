import { Skeleton, VisuallyHidden } from '@mantine/core'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { ContractListRow } from '../../../../electron/common/api/contract'
import { COLUMNS } from './columns'
import classes from './ContractTable.module.css'
import { formatCutoff, formatMaturity } from './format'
import { StepCell } from './StepCell'
import { DeadlineBadge } from './DeadlineBadge'

interface RowFrameProps {
  index: number
  top: number
  active: boolean
  onActivate: (index: number) => void
}

function rowFrame({ index, top, active }: RowFrameProps) {
  return {
    role: 'row',
    id: rowDomId(index),
    'aria-rowindex': index + 2, // the header row is 1
    className: `${classes.row} ${classes.bodyRow}`,
    'data-active': active || undefined,
    'aria-current': active || undefined,
    style: { transform: `translateY(${top}px)` } satisfies CSSProperties,
  } as const
}

export function rowDomId(index: number): string {
  return `contract-row-${index}`
}

/** The contract detail screen of one row (Enter on the active row, or a double click). */
export function contractPath(id: number): string {
  return `/contracts/${id}`
}

export function ContractRow({ row, ...frame }: RowFrameProps & { row: ContractListRow }) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  return (
    <div
      {...rowFrame(frame)}
      data-testid="contract-row"
      data-contract-id={row.id}
      onClick={() => frame.onActivate(frame.index)}
      onDoubleClick={() => navigate(contractPath(row.id))}
    >
      <div role="cell" className={classes.cell}>
        <span className={classes.primary} data-testid="policy-number">
          {row.policyNumber}
        </span>
        <span className={classes.secondary}>{row.insurerName}</span>
      </div>
      <div role="cell" className={classes.cell}>
        <span className={classes.primary}>{row.clientName}</span>
        <span className={classes.secondary} lang="ja">
          {row.clientKana}
        </span>
      </div>
      <div role="cell" className={classes.cell}>
        <span className={classes.primary}>{row.vehicleName}</span>
        <span className={classes.secondary}>{row.vehiclePlate}</span>
      </div>
      <div role="cell" className={classes.cell} data-testid="maturity">
        {formatMaturity(row.maturityDate)}
      </div>
      <div role="cell" className={`${classes.cell} ${classes.cutoff}`}>
        <time dateTime={row.webCutoffAt} data-testid="web-cutoff">
          {formatCutoff(row.webCutoffAt)}
        </time>
        <DeadlineBadge row={row} />
      </div>
      <div role="cell" className={classes.cell}>
        <StepCell row={row} />
      </div>
      <div role="cell" className={classes.cell}>
        {row.staffName ?? <span className={classes.secondary}>{t('contracts.unassigned')}</span>}
      </div>
    </div>
  )
}

/** Stands in for a row whose page is still on its way, keeping the scroll height honest. */
export function SkeletonRow(frame: RowFrameProps) {
  const { t } = useTranslation()
  return (
    <div {...rowFrame(frame)} data-testid="contract-row-placeholder" aria-busy>
      {COLUMNS.map((column, i) => (
        <div role="cell" key={column.id} className={classes.cell}>
          {i === 0 && <VisuallyHidden>{t('contracts.loadingRow')}</VisuallyHidden>}
          <Skeleton height={10} width={i % 2 === 0 ? '70%' : '55%'} radius="xl" />
        </div>
      ))}
    </div>
  )
}
