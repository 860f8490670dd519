import { z } from 'zod'
import { ContractSortKey, SortDirection } from '../../../../electron/common/api/contract'
import {
  CONTRACT_FILTER_KEYS,
  ContractFilters,
  SEARCH_MAX_LENGTH,
} from '../../../../electron/common/api/contract-filters'
import type { PanelFilters } from './filters/filter-state'
import { DEFAULT_SORT, type ContractSort } from './sort'

/**
 * 契約一覧's state in the hash URL's query (#/contracts?insurer=demo-a&urgency=d3,d7&q=ﾔﾏﾀﾞ),
 * so reload, back/forward and a copied link show the same list. Filter keys keep their API
 * names; list values are comma-separated, each item encoded on its own (an id may hold a
 * comma); `q` is the search, `sort`/`dir` the order when it is not the default.
 */
export interface ListUrlState {
  filters: PanelFilters
  search: string
  sort: ContractSort
}

const PANEL_KEYS = CONTRACT_FILTER_KEYS.filter((k) => k !== 'search')
type PanelKey = (typeof PANEL_KEYS)[number]

const isListKey = (key: PanelKey) => ContractFilters.shape[key].unwrap() instanceof z.ZodArray

function decode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return undefined // a malformed %-escape: ignore the value, never throw
  }
}

/** The raw (still encoded) value of each key; a repeated key keeps its first value. */
function rawParams(query: string): Map<string, string> {
  const params = new Map<string, string>()
  for (const part of query.replace(/^\?/, '').split('&')) {
    const at = part.indexOf('=')
    const key = decode(at < 0 ? part : part.slice(0, at))
    if (key && !params.has(key)) params.set(key, at < 0 ? '' : part.slice(at + 1))
  }
  return params
}

/** One filter from the URL, or undefined when absent or not a value the API accepts. */
function parseFilter(key: PanelKey, raw: string): unknown {
  const schema = ContractFilters.shape[key]
  if (!isListKey(key)) {
    const value = decode(raw)
    return schema.safeParse(value).success ? value : undefined
  }
  // Keep the good items of a list and drop the bad ones (one unknown urgency, say).
  const items = [...new Set(raw.split(',').map(decode))].filter(
    (item) => item !== undefined && schema.safeParse([item]).success,
  )
  return items.length > 0 && schema.safeParse(items).success ? items : undefined
}

/** What the URL's query asks for; unknown keys and bad values are ignored. */
export function parseListQuery(query: string): ListUrlState {
  const params = rawParams(query)
  const filters: Record<string, unknown> = {}
  for (const key of PANEL_KEYS) {
    const raw = params.get(key)
    const value = raw === undefined ? undefined : parseFilter(key, raw)
    if (value !== undefined) filters[key] = value
  }
  // A reversed maturity range is refused by the API: keep only its start.
  if (!ContractFilters.safeParse(filters).success) delete filters.maturityTo

  const q = decode(params.get('q') ?? '') ?? ''
  const sortKey = ContractSortKey.safeParse(decode(params.get('sort') ?? ''))
  const direction = SortDirection.safeParse(decode(params.get('dir') ?? ''))
  return {
    filters: filters as PanelFilters,
    search: q.length <= SEARCH_MAX_LENGTH ? q : '',
    sort: sortKey.success
      ? { key: sortKey.data, direction: direction.success ? direction.data : 'asc' }
      : DEFAULT_SORT,
  }
}

/** The query for a list state, without '?'; empty for the unfiltered default list. */
export function formatListQuery({ filters, search, sort }: ListUrlState): string {
  const parts: string[] = []
  for (const key of PANEL_KEYS) {
    const value = filters[key]
    if (value === undefined) continue
    const items = Array.isArray(value) ? value : [value]
    parts.push(`${key}=${items.map((item) => encodeURIComponent(item)).join(',')}`)
  }
  const q = search.trim()
  if (q !== '') parts.push(`q=${encodeURIComponent(q)}`)
  if (sort.key !== DEFAULT_SORT.key || sort.direction !== DEFAULT_SORT.direction) {
    parts.push(`sort=${sort.key}`, `dir=${sort.direction}`)
  }
  return parts.join('&')
}
