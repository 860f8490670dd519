import { useEffect } from 'react'
import { useLocation } from 'wouter'

/**
 * Escape goes back to the list, unless it belongs to something else: a field being typed
 * in, an open dropdown or dialog (they close on Escape themselves).
 */
export function useEscapeBack(to: string): void {
  const [, navigate] = useLocation()
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      const target = event.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]'))
        return
      if (document.querySelector('[role="dialog"], [role="listbox"]')) return
      navigate(to)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [navigate, to])
}
