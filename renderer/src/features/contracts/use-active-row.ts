import { useCallback, useState, type KeyboardEvent } from 'react'
import { useLocation } from 'wouter'
import { contractPath, rowDomId } from './ContractRow'

interface Options {
  rowCount: number
  /** Rows that fit on one screen, for PageUp/PageDown. */
  pageRows: () => number
  /** Called after a keyboard move so the row can be scrolled into view. */
  onMove: (index: number) => void
}

/**
 * The list keeps DOM focus on its scroll container and marks one row active, instead of
 * focusing rows: with virtualisation the focused row would be unmounted when scrolled
 * away and focus would fall back to <body>.
 */
export function useActiveRow({ rowCount, pageRows, onMove }: Options) {
  const [active, setActive] = useState(0)
  const [, navigate] = useLocation()
  const [moved, setMoved] = useState(false)
  const clamped = Math.min(active, Math.max(rowCount - 1, 0))

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(index, rowCount - 1))
      setActive(next)
      setMoved(true)
      onMove(next)
    },
    [rowCount, onMove],
  )

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      // Keys pressed on a header button belong to that button.
      if (event.target !== event.currentTarget || rowCount === 0) return
      if (event.key === 'Enter') {
        // The row element carries its contract id; a placeholder row (page not loaded) has none.
        const row = event.currentTarget.querySelector<HTMLElement>(`#${rowDomId(clamped)}`)
        const id = row?.dataset.contractId
        if (id) {
          event.preventDefault()
          navigate(contractPath(Number(id)))
        }
        return
      }
      const step: Record<string, () => number> = {
        ArrowDown: () => clamped + 1,
        ArrowUp: () => clamped - 1,
        PageDown: () => clamped + pageRows(),
        PageUp: () => clamped - pageRows(),
        Home: () => 0,
        End: () => rowCount - 1,
      }
      const target = step[event.key]
      if (!target) return
      event.preventDefault() // the container would otherwise scroll on its own as well
      moveTo(target())
    },
    [clamped, rowCount, pageRows, moveTo, navigate],
  )

  const reset = useCallback(() => {
    setActive(0)
    setMoved(false)
  }, [])

  return {
    active: clamped,
    /** True once the user moved with the keyboard: only then is the row announced. */
    moved,
    setActive,
    onKeyDown,
    reset,
  }
}
