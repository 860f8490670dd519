import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useLayoutEffect, useMemo, useState } from 'react'
import type {
  ContractCount,
  ContractListRow,
  ContractPage,
} from '../../../../electron/common/api/contract'
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

/** The count does not depend on the order: a new sort keeps it. */
export function contractCountKey(filters: ContractFilters) {
  return [...contractListKey, 'count', filters] as const
}

export interface ContractPages {
  /**
   * How many match, once known: from a first page that holds them all, or else from
   * contracts:count (asked when the first page comes back full). Undefined until then.
   */
  total: number | undefined
  /** A search stopped counting at its cap: total means "at least". */
  totalCapped: boolean
  /**
   * Rows the table gives room for: the total once known, the first page's rows until the
   * count answers, and the last list's while the first page of new filters is on its way.
   * Undefined only before anything has answered.
   */
  rowCount: number | undefined
  /** The first page of exactly these sort and filters has arrived (not a previous total). */
  current: boolean
  /**
   * The row at an absolute index, or undefined while its page is loading. Until the first
   * page of new sort or filters answers, the rows of the previous list.
   */
  rowAt: (index: number) => ContractListRow | undefined
  /** The first failure among the pages on screen. */
  error: unknown
  isFetching: boolean
  retry: () => void
}

interface Shown {
  byPage: ReadonlyMap<number, ContractPage>
  rowCount: number
  known: ContractCount | undefined
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
  const pageQuery = (page: number) => ({
    queryKey: contractPageKey(sort, filters, page),
    queryFn: () =>
      api.contracts.list({ sort, filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
  })
  // The queries below start fetching from their subscription, a passive effect that runs
  // only after the frame is painted; asking during the commit saves that frame on every
  // new search or sort. A page already in the cache and fresh is not asked again. Only
  // where answers stay fresh a while (the app keeps them 30 s): with a stale time of 0,
  // an early answer would be stale by the subscription and asked for twice.
  const firstKey = JSON.stringify(contractPageKey(sort, filters, pages[0] ?? 0))
  const { staleTime } = queryClient.getDefaultOptions().queries ?? {}
  const askEarly = typeof staleTime === 'number' && staleTime > 0
  useLayoutEffect(() => {
    if (askEarly) void queryClient.prefetchQuery(pageQuery(pages[0] ?? 0))
    // firstKey stands for sort, filters and the first page (new objects on every render).
  }, [firstKey, askEarly, queryClient])
  const loaded = useQueries({
    queries: pages.map((page) => ({ ...pageQuery(page), refetchInterval: REFRESH_MS })),
    // Plain arrays and objects only: TanStack Query shares them structurally with the last
    // result, so an unchanged set of pages keeps its identity and the rows don't re-render.
    combine: (results) => ({
      pages: results.flatMap((r, i): [number, ContractPage][] => {
        const page = pages[i]
        return r.data && page !== undefined ? [[page, r.data]] : []
      }),
      error: results.find((r) => r.error)?.error ?? null,
      isFetching: results.some((r) => r.isFetching),
    }),
  })
  const fresh = useMemo(() => new Map(loaded.pages), [loaded.pages])
  const firstPage = fresh.values().next().value
  const pageZero = fresh.get(0)

  // A first page with room to spare holds the whole list: its rows are the count. A
  // search's page says how many it matched. Only a full page of filters (or a list scrolled
  // past its first page) asks contracts:count, after the rows: they never wait for a count.
  // (Memoised: the remembered list below compares it by identity.)
  const counted = useMemo((): ContractCount | undefined => {
    if (pageZero && pageZero.rows.length < PAGE_SIZE) {
      return { total: pageZero.rows.length, totalCapped: false }
    }
    return firstPage?.searchMatches
  }, [pageZero, firstPage])
  const count = useQuery({
    queryKey: contractCountKey(filters),
    queryFn: () => api.contracts.count({ filters }),
    enabled: firstPage !== undefined && counted === undefined,
    refetchInterval: REFRESH_MS,
  })
  const known = counted ?? count.data
  const rowCount = known?.total ?? pageZero?.rows.length

  // Until the first page of a new search, filter or sort answers, keep showing the rows,
  // row count and total of the last list: the table keeps its height and updates the rows
  // in place when the answer comes, instead of drawing placeholder rows in between (both
  // cost a frame).
  // Remembered while rendering (not in an effect): an effect would cost one more commit
  // right after the rows arrive, before the frame that shows them.
  const [previous, setPrevious] = useState<Shown | undefined>(undefined)
  if (
    firstPage &&
    rowCount !== undefined &&
    (previous?.byPage !== fresh || previous.rowCount !== rowCount || previous.known !== known)
  ) {
    setPrevious({ byPage: fresh, rowCount, known })
  }
  const error = loaded.error ?? count.error
  // A failed request must not leave the old rows looking like its answer.
  const shown = firstPage || error !== null ? fresh : previous?.byPage

  const rowAt = useCallback(
    (index: number) => {
      const page = shown?.get(Math.floor(index / PAGE_SIZE))
      return page?.rows[index - page.offset]
    },
    [shown],
  )

  const retry = useCallback(() => {
    void queryClient.refetchQueries({ queryKey: contractListKey, type: 'active' })
  }, [queryClient])

  // The last list's number beside the last list's rows, until the new first page answers.
  const shownCount = firstPage ? known : previous?.known
  return {
    total: shownCount?.total,
    totalCapped: shownCount?.totalCapped ?? false,
    rowCount: (firstPage ? rowCount : undefined) ?? previous?.rowCount,
    current: firstPage !== undefined,
    rowAt,
    error,
    isFetching: loaded.isFetching || count.isFetching,
    retry,
  }
}
