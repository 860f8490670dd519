import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractSortKey } from '../../../../electron/common/api/contract'
import { COLUMNS, type ColumnDef } from './columns'
import classes from './ContractTable.module.css'
import type { ContractSort } from './sort'

interface Props {
  sort: ContractSort
  onSort: (key: ContractSortKey) => void
}

/** Memoised: it changes with the order only, not with each keystroke or page of rows. */
export const ContractTableHeader = memo(
  function ContractTableHeader({ sort, onSort }: Props) {
    return (
      <div role="rowgroup" className={classes.head}>
        <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.headRow}`}>
          {COLUMNS.map((column) => (
            <HeaderCell key={column.id} column={column} sort={sort} onSort={onSort} />
          ))}
        </div>
      </div>
    )
  },
  (before, after) =>
    before.onSort === after.onSort &&
    before.sort.key === after.sort.key &&
    before.sort.direction === after.sort.direction,
)

function HeaderCell({ column, sort, onSort }: Props & { column: ColumnDef }) {
  const { t } = useTranslation()
  const label = t(`contracts.columns.${column.id}`)
  const { sortKey } = column
  if (!sortKey) {
    return (
      <div role="columnheader" className={classes.columnheader}>
        {label}
      </div>
    )
  }
  const state =
    sort.key === sortKey ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
  return (
    // aria-sort only on the sorted column: ARIA asks for at most one per table.
    <div
      role="columnheader"
      className={classes.columnheader}
      aria-sort={state === 'none' ? undefined : state}
      data-sort-key={sortKey}
    >
      {/* A real <button>: Enter and Space work without any key handling of ours. */}
      <button
        type="button"
        className={classes.sortButton}
        title={t(`contracts.sortHint.${state}`)}
        onClick={() => onSort(sortKey)}
      >
        {label}
        <span className={classes.sortIcon} data-active={state !== 'none' || undefined} aria-hidden>
          {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '⇅'}
        </span>
      </button>
    </div>
  )
}
