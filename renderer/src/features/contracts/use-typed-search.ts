import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

/** Long enough to skip the in-between keystrokes of a name, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 30

/**
 * The search box's text and the search the rows answer. The first keystroke after a pause
 * applies at once, in the same render as the box's new text, so its request leaves within
 * that keystroke's task (applied from an effect, as a debounced value is, it left one frame
 * and one more render of the screen later); keystrokes that follow within the wait are
 * gathered into one request when typing stops.
 */
export function useTypedSearch(initial: string) {
  const [search, setBoxText] = useState(initial)
  const [typedSearch, setTypedSearch] = useState(initial)
  const lastKeystrokeAt = useRef(Number.NEGATIVE_INFINITY)
  const keystrokeRendering = useRef(false)
  const gathering = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(gathering.current), [])
  // The pause counts from when the last keystroke's render was committed, not from the key:
  // a render slower than the wait is no pause of the user's (keys typed meanwhile queue
  // behind it, then arrive one right after the other).
  useLayoutEffect(() => {
    if (!keystrokeRendering.current) return
    keystrokeRendering.current = false
    lastKeystrokeAt.current = performance.now()
  }, [search])

  /** Typed into the box. */
  const setSearch = useCallback((value: string) => {
    setBoxText(value)
    window.clearTimeout(gathering.current)
    const now = performance.now()
    const paused = now - lastKeystrokeAt.current >= SEARCH_DEBOUNCE_MS
    lastKeystrokeAt.current = now
    keystrokeRendering.current = true
    if (paused) setTypedSearch(value)
    else gathering.current = window.setTimeout(() => setTypedSearch(value), SEARCH_DEBOUNCE_MS)
  }, [])
  /** Set by the app (back/forward, a link, a saved view): applied at once. */
  const showSearch = useCallback((value: string) => {
    window.clearTimeout(gathering.current)
    setBoxText(value)
    setTypedSearch(value)
  }, [])
  return { search, typedSearch, setSearch, showSearch }
}
