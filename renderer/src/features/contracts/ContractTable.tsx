import { VisuallyHidden } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useId, useLayoutEffect, useRef, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { ContractListRow, ContractSortKey } from '../../../../electron/common/api/contract'
import { COLUMNS, GRID_TEMPLATE, HEADER_HEIGHT, ROW_HEIGHT } from './columns'
import { contractPath, ContractRow, SkeletonRow } from './ContractRow'
import classes from './ContractTable.module.css'
import { ContractTableHeader } from './ContractTableHeader'
import type { ContractSort } from './sort'
import { useActiveRow } from './use-active-row'
import { useRowText } from './use-row-text'
import { PAGE_SIZE } from './use-contract-pages'

/** Placeholder rows shown before the first page has answered. */
const LOADING_ROWS = 12
/** Fetch this many rows beyond the viewport so a slow scroll rarely meets a skeleton. */
const PREFETCH_ROWS = 60
/** Wait for a scrollbar drag to settle before asking for the pages it passed over. */
const SETTLE_MS = 80

interface Props {
  /**
   * Which list this is (its filters): a new one starts again at the top. The table stays
   * mounted and updates its rows in place, which is much cheaper than drawing new ones.
   */
  listKey: string
  sort: ContractSort
  onSort: (key: ContractSortKey) => void
  /** undefined while loading the first page: skeleton rows, unknown row count. */
  rowCount: number | undefined
  rowAt: (index: number) => ContractListRow | undefined
  onPagesChange: (pages: number[]) => void
  busy: boolean
}

const cssVars = {
  '--contract-grid': GRID_TEMPLATE,
  '--contract-row-height': `${ROW_HEIGHT}px`,
  '--contract-head-height': `${HEADER_HEIGHT}px`,
} as CSSProperties

export function ContractTable({
  listKey,
  sort,
  onSort,
  rowCount: knownRows,
  rowAt,
  onPagesChange,
  busy,
}: Props) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const text = useRowText()
  const hintId = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  const rowCount = knownRows ?? LOADING_ROWS

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  })

  const onMove = useCallback(
    (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    [virtualizer],
  )
  const pageRows = useCallback(() => {
    const height = scrollRef.current?.clientHeight ?? 0
    return Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1)
  }, [])
  const activeRow = useActiveRow({ rowCount: knownRows ?? 0, pageRows, onMove })

  // A new order makes the old position meaningless: start again from the top.
  const { reset } = activeRow
  // The screen hands a new onSort with each keystroke; the header keeps one callback.
  const latestOnSort = useRef(onSort)
  useLayoutEffect(() => {
    latestOnSort.current = onSort
  }, [onSort])
  const sortAndRewind = useCallback(
    (key: ContractSortKey) => {
      reset()
      virtualizer.scrollToOffset(0)
      latestOnSort.current(key)
    },
    [reset, virtualizer],
  )

  // New filters are a new list: rewind before the frame is painted, like a new sort does.
  const shownKey = useRef(listKey)
  useLayoutEffect(() => {
    if (shownKey.current === listKey) return
    shownKey.current = listKey
    reset()
    // Only when scrolled: scrollToOffset reads the scroll height, which forces a layout of
    // the whole screen in the middle of React's commit.
    if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0)
  }, [listKey, reset, virtualizer])

  const openContract = useCallback((id: number) => navigate(contractPath(id)), [navigate])

  const items = virtualizer.getVirtualItems()
  const first = Math.max(0, (items[0]?.index ?? 0) - PREFETCH_ROWS)
  const last = Math.min(rowCount - 1, (items.at(-1)?.index ?? 0) + PREFETCH_ROWS)
  const fromPage = Math.floor(first / PAGE_SIZE)
  const toPage = Math.floor(Math.max(last, 0) / PAGE_SIZE)
  const known = knownRows !== undefined
  useEffect(() => {
    if (!known) return
    const id = window.setTimeout(() => {
      onPagesChange(Array.from({ length: toPage - fromPage + 1 }, (_, i) => fromPage + i))
    }, SETTLE_MS)
    return () => window.clearTimeout(id)
  }, [known, fromPage, toPage, onPagesChange])

  const activeData = activeRow.moved ? rowAt(activeRow.active) : undefined

  return (
    <div className={classes.frame} style={cssVars}>
      <div
        ref={scrollRef}
        className={classes.scroller}
        role="region"
        aria-label={t('contracts.tableLabel')}
        aria-describedby={hintId}
        tabIndex={0}
        onKeyDown={activeRow.onKeyDown}
        data-testid="contract-list"
      >
        <div
          role="table"
          aria-label={t('contracts.tableLabel')}
          aria-rowcount={known ? rowCount + 1 : -1}
          aria-colcount={COLUMNS.length}
          aria-busy={busy || !known}
          className={classes.table}
        >
          <ContractTableHeader sort={sort} onSort={sortAndRewind} />
          <div
            role="rowgroup"
            className={classes.body}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {items.map((item) => {
              const row = known ? rowAt(item.index) : undefined
              const frame = {
                index: item.index,
                top: item.start - virtualizer.options.scrollMargin,
                active: known && item.index === activeRow.active,
                onActivate: activeRow.setActive,
              }
              return row ? (
                <ContractRow
                  key={item.key}
                  row={row}
                  onOpen={openContract}
                  text={text}
                  {...frame}
                />
              ) : (
                <SkeletonRow key={item.key} {...frame} />
              )
            })}
          </div>
        </div>
      </div>
      <VisuallyHidden id={hintId}>{t('contracts.keyboardHint')}</VisuallyHidden>
      <VisuallyHidden aria-live="polite" aria-atomic>
        {activeData
          ? t('contracts.activeRow', {
              position: activeRow.active + 1,
              total: rowCount,
              policyNumber: activeData.policyNumber,
              clientName: activeData.clientName,
            })
          : ''}
      </VisuallyHidden>
    </div>
  )
}
