import { VisuallyHidden } from '@mantine/core'
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxItem } from '../../../../electron/common/api/contract'
import type { TodayRow } from '../../../../electron/common/api/contract-today'
import { useNow } from '../../shell/use-now'
import classes from './TodayScreen.module.css'
import { TodayRowItem, todayRowDomId } from './TodayRowItem'

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
      document.getElementById(todayRowDomId(next))?.scrollIntoView({ block: 'nearest' })
    },
    [rows.length],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return
    const row = rows[clamped]
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / 90))
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
        <ul className={classes.list} aria-label={t('today.listLabel')}>
          {rows.map((row, index) => (
            <TodayRowItem
              key={row.contractId}
              row={row}
              index={index}
              now={now}
              active={index === clamped}
              selected={selected.has(row.contractId)}
              outbox={outbox?.get(row.contractId)}
              onActivate={setActive}
              onToggle={onToggle}
              onOpen={onOpen}
              onReissue={onReissueRow}
            />
          ))}
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
