import { VisuallyHidden } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxItem } from '../../../../electron/common/api/contract'
import type { TodayRow } from '../../../../electron/common/api/contract-today'
import { useNow } from '../../shell/use-now'
import classes from './TodayScreen.module.css'
import { TodayRowItem } from './TodayRowItem'

/** A row with two reasons; rows are measured once drawn, this only places the unseen ones. */
const ESTIMATED_ROW_HEIGHT = 90
/** Rows drawn beyond each edge of the view, so a short scroll or an arrow key shows drawn rows. */
const OVERSCAN = 6

interface Props {
  rows: readonly TodayRow[]
  selected: ReadonlySet<number>
  outbox: ReadonlyMap<number, OutboxItem> | undefined
  onToggle: (contractId: number) => void
  onOpen: (contractId: number) => void
  /** R on a row: the selection when there is one, else the active row. */
  onReissue: (row: TodayRow | null) => void
  /** The row's own button: that row only. */
  onReissueRow: (row: TodayRow) => void
}

/**
 * The ranked list. Focus stays on the list itself and one row is marked active (as in the
 * contract list), so arrow keys, Space (select), Enter (open) and R (reissue) work without
 * tabbing through hundreds of checkboxes and buttons.
 *
 * Only the rows in view (and a few around them) are drawn: the list holds up to 500, and
 * drawing them all cost this screen its load and every screen opened from it the time to
 * tear them down (in Chromium at 100k contracts, opening the contract list from here took
 * a median 242 ms and a p90 397 ms with all 500 drawn; 208 and 234 ms with the rows in
 * view). Each drawn row says its place in the whole list (aria-posinset/setsize) for
 * screen readers.
 */
export function TodayList({
  rows,
  selected,
  outbox,
  onToggle,
  onOpen,
  onReissue,
  onReissueRow,
}: Props) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language.startsWith('en') ? 'en' : 'ja'
  const hintId = useId()
  const now = useNow(60_000)
  const [active, setActive] = useState(0)
  const [moved, setMoved] = useState(false)
  const scrollRef = useRef<HTMLDivElement>(null)
  const clamped = Math.min(active, Math.max(rows.length - 1, 0))

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN,
    // Measured heights follow the contract, not its place: a refresh that re-ranks keeps them.
    getItemKey: (index) => rows[index]?.contractId ?? index,
  })

  // A new ranking (another scope, a refresh) starts again at the top.
  const first = rows[0]?.contractId
  useEffect(() => {
    setActive(0)
    setMoved(false)
  }, [first])

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(index, rows.length - 1))
      setActive(next)
      setMoved(true)
      virtualizer.scrollToIndex(next, { align: 'auto' })
    },
    [rows.length, virtualizer],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return
    const row = rows[clamped]
    const page = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 600) / ESTIMATED_ROW_HEIGHT),
    )
    const moves: Record<string, () => number> = {
      ArrowDown: () => clamped + 1,
      ArrowUp: () => clamped - 1,
      PageDown: () => clamped + page,
      PageUp: () => clamped - page,
      Home: () => 0,
      End: () => rows.length - 1,
    }
    const move = moves[event.key]
    if (move) {
      event.preventDefault()
      moveTo(move())
    } else if (event.key === ' ' && row) {
      event.preventDefault()
      onToggle(row.contractId)
    } else if (event.key === 'Enter' && row) {
      event.preventDefault()
      onOpen(row.contractId)
    } else if ((event.key === 'r' || event.key === 'R') && !event.metaKey && !event.ctrlKey) {
      event.preventDefault()
      onReissue(row ?? null)
    }
  }

  const activeRow = moved ? rows[clamped] : undefined
  const items = virtualizer.getVirtualItems()
  // The rows not drawn keep their room as padding, so the scrollbar measures the whole list.
  const padding = {
    paddingTop: items[0]?.start ?? 0,
    paddingBottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0),
  }
  return (
    <>
      <div
        ref={scrollRef}
        className={classes.scroller}
        role="region"
        aria-label={t('today.listLabel')}
        aria-describedby={hintId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="today-list"
      >
        <ul className={classes.list} style={padding} aria-label={t('today.listLabel')}>
          {items.map(({ index, key }) => {
            const row = rows[index]
            if (!row) return null
            return (
              <TodayRowItem
                key={key}
                measureRef={virtualizer.measureElement}
                row={row}
                index={index}
                total={rows.length}
                now={now}
                active={index === clamped}
                selected={selected.has(row.contractId)}
                outbox={outbox?.get(row.contractId)}
                onActivate={setActive}
                onToggle={onToggle}
                onOpen={onOpen}
                onReissue={onReissueRow}
              />
            )
          })}
        </ul>
      </div>
      <VisuallyHidden id={hintId}>{t('today.keyboardHint')}</VisuallyHidden>
      <VisuallyHidden aria-live="polite" aria-atomic>
        {activeRow
          ? t('today.activeRow', {
              position: clamped + 1,
              total: rows.length,
              clientName: activeRow.clientName,
              reason: activeRow.reasons[0]?.text[lang] ?? '',
            })
          : ''}
      </VisuallyHidden>
    </>
  )
}
