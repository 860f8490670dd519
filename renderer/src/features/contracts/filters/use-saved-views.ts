import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SavedView } from '../../../../../electron/common/api/contract'
import type { ContractFilters } from '../../../../../electron/common/api/contract-filters'
import { useApi } from '../../../api/ApiProvider'
import type { ContractSort } from '../sort'

export const savedViewsKey = ['views'] as const

/** The signed-in staff member's saved views of the contract list. */
export function useSavedViews() {
  const api = useApi()
  const queryClient = useQueryClient()
  const views = useQuery({ queryKey: savedViewsKey, queryFn: () => api.views.list({}) })
  const refresh = () => queryClient.invalidateQueries({ queryKey: savedViewsKey })
  const save = useMutation({
    mutationFn: (input: { name: string; filters: ContractFilters; sort: ContractSort }) =>
      api.views.save(input),
    onSuccess: refresh,
  })
  const remove = useMutation({
    mutationFn: (view: SavedView) => api.views.delete({ id: view.id }),
    onSuccess: refresh,
  })
  return { views, save, remove }
}
