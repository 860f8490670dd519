import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type {
  TodayCounts,
  TodayList,
  TodayScope,
} from '../../../../electron/common/api/contract-today'
import { useApi } from '../../api/ApiProvider'

export const TODAY_KEY = ['today'] as const

/** Today's list for a scope; kept while another scope loads so the screen does not jump. */
export function useTodayList(scope: TodayScope) {
  const api = useApi()
  return useQuery({
    queryKey: [...TODAY_KEY, scope],
    queryFn: () => api.today.list({ scope }),
    placeholderData: keepPreviousData,
    // Stuck times and countdowns move with the clock: re-rank every few minutes.
    refetchInterval: 5 * 60_000,
  })
}

/** How many are due in each scope, for the scope switcher; refreshed with the list. */
export function useTodayCounts() {
  const api = useApi()
  return useQuery({
    queryKey: [...TODAY_KEY, 'counts'],
    queryFn: () => api.today.counts({}),
    refetchInterval: 5 * 60_000,
  })
}

/** The latest reissue per contract, so a row can say its request is queued or accepted. */
export function useLatestReissues() {
  const api = useApi()
  return useQuery({
    queryKey: ['reissues', 'latest'],
    queryFn: async () => {
      const { items } = await api.reissues.list({ limit: 1000 })
      const latest = new Map<number, (typeof items)[number]>()
      for (const item of items) {
        const seen = latest.get(item.contractId)
        if (!seen || seen.id < item.id) latest.set(item.contractId, item)
      }
      return latest
    },
    refetchInterval: 15_000,
  })
}

/**
 * How many are due in the list's scope: the rows themselves when the list holds them all;
 * beyond the cap, the scope's count from today:counts (undefined until it answers), never
 * fewer than the rows shown plus one (the two calls may answer a sync apart).
 */
export function dueInScope(list: TodayList, counts: TodayCounts | undefined): number | undefined {
  if (!list.truncated) return list.rows.length
  const counted = counts?.counts[list.scope]
  return counted === undefined ? undefined : Math.max(counted, list.rows.length + 1)
}
