import { VisuallyHidden } from '@mantine/core'
import { memo, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractListRow } from '../../../../electron/common/api/contract'
import { COLUMNS } from './columns'
import classes from './ContractTable.module.css'
import { formatCutoff, formatMaturity } from './format'
import { StepCell } from './StepCell'
import { DeadlineBadge } from './DeadlineBadge'
import type { RowText } from './use-row-text'

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

interface ContractRowProps extends RowFrameProps {
  row: ContractListRow
  /** Opens the contract (a double click); passed down so rows don't follow the URL. */
  onOpen: (id: number) => void
  text: RowText
}

/**
 * Memoised: a keystroke in the search box or a page arriving re-renders the table, but a row
 * only when its contract, position or active state changed.
 */
export const ContractRow = memo(function ContractRow({
  row,
  onOpen,
  text,
  ...frame
}: ContractRowProps) {
  return (
    <div
      {...rowFrame(frame)}
      data-testid="contract-row"
      data-contract-id={row.id}
      onClick={() => frame.onActivate(frame.index)}
      onDoubleClick={() => onOpen(row.id)}
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
        <DeadlineBadge row={row} text={text} />
      </div>
      <div role="cell" className={classes.cell}>
        <StepCell row={row} text={text} />
      </div>
      <div role="cell" className={classes.cell}>
        {row.staffName ?? <span className={classes.secondary}>{text('contracts.unassigned')}</span>}
      </div>
    </div>
  )
})

/** Stands in for a row whose page is still on its way, keeping the scroll height honest. */
export const SkeletonRow = memo(function SkeletonRow(frame: RowFrameProps) {
  const { t } = useTranslation()
  return (
    <div {...rowFrame(frame)} data-testid="contract-row-placeholder" aria-busy>
      {COLUMNS.map((column, i) => (
        <div role="cell" key={column.id} className={classes.cell}>
          {i === 0 && <VisuallyHidden>{t('contracts.loadingRow')}</VisuallyHidden>}
          <span className={classes.skeleton} style={{ width: i % 2 === 0 ? '70%' : '55%' }} />
        </div>
      ))}
    </div>
  )
})
