import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ContractDetail } from '../../../../electron/common/api/contract-detail'
import { useApi } from '../../api/ApiProvider'

export const contractDetailKey = (id: number) => ['contract-detail', id] as const

/** Stuck reasons and the guide depend on the clock: refresh them while the screen is open. */
const REFRESH_MS = 60_000

export function useContractDetail(id: number) {
  const api = useApi()
  return useQuery({
    queryKey: contractDetailKey(id),
    queryFn: () => api.contracts.get({ id }),
    refetchInterval: REFRESH_MS,
    enabled: Number.isSafeInteger(id) && id > 0,
  })
}

/**
 * The detail's writes. Each refetches the detail afterwards (the timeline gains an entry)
 * and the contract list (reassignment changes its staff column).
 */
export function useDetailMutations(id: number) {
  const api = useApi()
  const queryClient = useQueryClient()
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: contractDetailKey(id) })
  }
  const addNote = useMutation({
    mutationFn: (body: string) => api.notes.add({ contractId: id, body }),
    onSuccess: refresh,
  })
  const setFollowUp = useMutation({
    mutationFn: (input: { dueDate: string | null; memo?: string }) =>
      api.followUps.set({ contractId: id, ...input }),
    onSuccess: refresh,
  })
  const reassign = useMutation({
    mutationFn: (staffId: string) => api.contracts.reassign({ contractId: id, staffId }),
    onSuccess: async () => {
      await refresh()
      await queryClient.invalidateQueries({ queryKey: ['contracts'] })
    },
  })
  return { addNote, setFollowUp, reassign, refresh }
}

export type { ContractDetail }
