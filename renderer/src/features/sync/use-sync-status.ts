import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useApi } from '../../api/ApiProvider'

/**
 * The sync status, polled fast while a sync runs (progress) and slowly otherwise. When a
 * sync finishes, the lists and counts are refetched so staff see the new data at once.
 */
export function useSyncStatus() {
  const api = useApi()
  const queryClient = useQueryClient()
  const status = useQuery({
    queryKey: ['sync', 'status'],
    queryFn: () => api.sync.status({}),
    refetchInterval: (query) => (query.state.data?.state === 'syncing' ? 1_000 : 15_000),
  })
  const lastSuccess = useRef<string | null | undefined>(undefined)
  const current = status.data?.lastSuccessAt
  useEffect(() => {
    if (current === undefined) return
    if (lastSuccess.current !== undefined && current !== lastSuccess.current) {
      void queryClient.invalidateQueries({ queryKey: ['contracts'] })
      void queryClient.invalidateQueries({ queryKey: ['app', 'info'] })
    }
    lastSuccess.current = current
  }, [current, queryClient])
  return status
}

export function useRunSync() {
  const api = useApi()
  const queryClient = useQueryClient()
  return async () => {
    const status = await api.sync.run({})
    queryClient.setQueryData(['sync', 'status'], status)
  }
}

export function useConfigureSync() {
  const api = useApi()
  const queryClient = useQueryClient()
  return async (intervalMinutes: number) => {
    const status = await api.sync.configure({ intervalMinutes })
    queryClient.setQueryData(['sync', 'status'], status)
  }
}
