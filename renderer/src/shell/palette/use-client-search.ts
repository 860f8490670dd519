import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useApi } from '../../api/ApiProvider'

/** Typing pauses this long before the contracts are searched. */
export const CLIENT_SEARCH_DEBOUNCE_MS = 200
export const CLIENT_RESULTS = 8

/**
 * Contracts whose client matches what was typed (name in kanji or kana, policy number,
 * phone, plate: the contract list's own search). Under the contracts key, so a finished
 * sync refreshes it with the lists.
 */
export function useClientSearch(query: string) {
  const api = useApi()
  const [search] = useDebouncedValue(query.trim(), CLIENT_SEARCH_DEBOUNCE_MS)
  return useQuery({
    queryKey: ['contracts', 'palette', search],
    queryFn: () => api.contracts.list({ filters: { search }, limit: CLIENT_RESULTS }),
    enabled: search.length > 0,
  })
}
