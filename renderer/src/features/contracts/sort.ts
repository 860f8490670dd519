import type { ContractSortKey, SortDirection } from '../../../../electron/common/api/contract'

export interface ContractSort {
  key: ContractSortKey
  direction: SortDirection
}

/** Most urgent first: the web deadline is what staff chase. */
export const DEFAULT_SORT: ContractSort = { key: 'cutoff', direction: 'asc' }

/** Same column flips the direction; a new column starts ascending. */
export function nextSort(current: ContractSort, key: ContractSortKey): ContractSort {
  if (current.key !== key) return { key, direction: 'asc' }
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
}
