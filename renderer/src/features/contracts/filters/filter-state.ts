import {
  CONTRACT_FILTER_KEYS,
  type ContractFilters,
} from '../../../../../electron/common/api/contract-filters'

/** Filters other than the search box: what the "絞り込み条件" panel holds. */
export type PanelFilters = Omit<ContractFilters, 'search'>

/** How many filters narrow the list (the search box not included). */
export function countPanelFilters(filters: ContractFilters): number {
  return CONTRACT_FILTER_KEYS.filter((k) => k !== 'search' && filters[k] !== undefined).length
}

/**
 * Sets one filter; an empty list, empty string or null removes it, because the backend
 * refuses empty lists ("any of nothing") and an absent key means "no filter".
 */
export function withFilter<K extends keyof ContractFilters>(
  filters: ContractFilters,
  key: K,
  value: ContractFilters[K] | null | '' | readonly never[],
): ContractFilters {
  const next = { ...filters }
  const empty =
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  if (empty) delete next[key]
  else next[key] = value as ContractFilters[K]
  return next
}

/** The request's filters: the panel plus the (debounced) search when it has text. */
export function requestFilters(filters: ContractFilters, search: string): ContractFilters {
  const trimmed = search.trim()
  const { search: _ignored, ...rest } = filters
  return trimmed === '' ? rest : { ...rest, search: trimmed }
}
