import { useDebouncedValue } from '@mantine/hooks'
import { useCallback, useEffect, useEffectEvent, useMemo, useRef } from 'react'
import { useLocation, useSearch } from 'wouter'
import { formatListQuery, parseListQuery, type ListUrlState } from './list-url'
import { useTypedSearch } from './use-typed-search'

export const CONTRACTS_LIST_PATH = '/contracts'

/**
 * The address bar follows more slowly: browsers throttle pages that rewrite history
 * hundreds of times in a few seconds, and nothing reads the URL while the user types.
 */
const URL_DEBOUNCE_MS = 150

/** The list's query as last shown, so 契約詳細's "back to the list" returns to the same rows. */
let lastListQuery = ''

/** Where "back to 契約一覧" goes: the list with the filters it last had. */
export function contractsListPath(): string {
  return lastListQuery ? `${CONTRACTS_LIST_PATH}?${lastListQuery}` : CONTRACTS_LIST_PATH
}

/**
 * 契約一覧's filters, sort and search, kept in the hash URL. Filter and sort changes add a
 * history entry (back undoes them); the search box is local state for smooth typing and
 * replaces the URL's `q` once the debounce settles, so typing adds no entries.
 */
export function useListUrlState() {
  const [location, navigate] = useLocation()
  const query = useSearch()
  const url = useMemo(() => parseListQuery(query), [query])
  const { search, typedSearch, setSearch, showSearch } = useTypedSearch(url.search)
  const [settledSearch] = useDebouncedValue(search, URL_DEBOUNCE_MS)

  // The `q` this screen last wrote: a different one came from back/forward or a link.
  const written = useRef(url.search)

  const write = useCallback(
    (next: ListUrlState, replace: boolean) => {
      written.current = next.search.trim()
      const q = formatListQuery(next)
      navigate(q ? `${location}?${q}` : location, { replace })
    },
    [location, navigate],
  )

  useEffect(() => {
    // The box's text, not the URL's `q`: the address bar may lag the last keystrokes.
    lastListQuery = formatListQuery({ ...url, search })
  }, [url, search])

  useEffect(() => {
    if (url.search === written.current) return
    written.current = url.search
    showSearch(url.search)
  }, [url.search, showSearch])

  // Runs on a settled keystroke only, with the URL as it is then (not on every URL change,
  // where the debounced value may still be the text from before a saved view was applied).
  const writeSearch = useEffectEvent((value: string) => {
    if (value.trim() !== written.current) write({ ...url, search: value }, true)
  })
  useEffect(() => writeSearch(settledSearch), [settledSearch])

  /** Replaces the state in the URL with a new history entry (filters, sort, a saved view). */
  const push = useCallback(
    (next: ListUrlState) => {
      showSearch(next.search)
      write(next, false)
    },
    [write, showSearch],
  )

  // Clearing the box is applied at once: waiting would show stale matches for a moment.
  const appliedSearch = search.trim() === '' ? '' : typedSearch
  return { url, search, setSearch, appliedSearch, push }
}
