import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useState } from 'react'
import type { ContractListRow, ContractPage } from '../../../../electron/common/api/contract'
import type { ContractFilters } from '../../../../electron/common/api/contract-filters'
import { useApi } from '../../api/ApiProvider'
import type { ContractSort } from './sort'

/** Rows per server request: small enough to answer fast, large enough to scroll a while. */
export const PAGE_SIZE = 200

/** Urgency buckets are computed by the backend at read time; deadlines pass while the list is open. */
const REFRESH_MS = 60_000

export const contractListKey = ['contracts', 'list'] as const

export function contractPageKey(sort: ContractSort, filters: ContractFilters, page: number) {
  return [...contractListKey, sort.key, sort.direction, filters, page] as const
}

export interface ContractPages {
  /** Rows in the list, or undefined until the first page has answered. */
  total: number | undefined
  /** A search stopped counting at its cap: total means "at least". */
  totalCapped: boolean
  /** The first page of exactly these sort and filters has arrived (not a previous total). */
  current: boolean
  /** The row at an absolute index, or undefined while its page is loading. */
  rowAt: (index: number) => ContractListRow | undefined
  /** The first failure among the pages on screen. */
  error: unknown
  isFetching: boolean
  retry: () => void
}

/**
 * Fetches only the pages the user is looking at, each cached under its own key, so a
 * 100,000-row book costs a few requests however far the user scrolls.
 */
export function useContractPages(
  sort: ContractSort,
  pages: readonly number[],
  filters: ContractFilters = {},
): ContractPages {
  const api = useApi()
  const queryClient = useQueryClient()
  const loaded = useQueries({
    queries: pages.map((page) => ({
      queryKey: contractPageKey(sort, filters, page),
      queryFn: () =>
        api.contracts.list({ sort, filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
      refetchInterval: REFRESH_MS,
    })),
    combine: (results) => ({
      byPage: new Map(
        results.flatMap((r, i): [number, ContractPage][] => {
          const page = pages[i]
          return r.data && page !== undefined ? [[page, r.data]] : []
        }),
      ),
      error: results.find((r) => r.error)?.error ?? null,
      isFetching: results.some((r) => r.isFetching),
    }),
  })

  // Keep the last known total while a new sort loads, so the list keeps its height and
  // scroll position instead of collapsing to an empty table for a moment.
  const firstPage = loaded.byPage.values().next().value
  const freshTotal = firstPage?.total
  const [lastTotal, setLastTotal] = useState<number | undefined>(undefined)
  useEffect(() => {
    if (freshTotal !== undefined) setLastTotal(freshTotal)
  }, [freshTotal])

  const { byPage } = loaded
  const rowAt = useCallback(
    (index: number) => {
      const page = byPage.get(Math.floor(index / PAGE_SIZE))
      return page?.rows[index - page.offset]
    },
    [byPage],
  )

  const retry = useCallback(() => {
    void queryClient.refetchQueries({ queryKey: contractListKey, type: 'active' })
  }, [queryClient])

  return {
    total: freshTotal ?? lastTotal,
    totalCapped: firstPage?.totalCapped ?? false,
    current: freshTotal !== undefined,
    rowAt,
    error: loaded.error,
    isFetching: loaded.isFetching,
    retry,
  }
}
