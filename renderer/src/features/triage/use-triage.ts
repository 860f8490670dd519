import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { TriageCategory, TriageScope } from '../../../../electron/common/api/triage-schemas'
import { useApi } from '../../api/ApiProvider'
import { useSyncStatus } from '../sync/use-sync-status'

export const TRIAGE_KEY = ['triage'] as const

/**
 * One request per scope and group. Without a group the backend picks the first one with
 * clients; the previous answer stays on screen while the next loads, so switching tabs
 * never flashes an empty list.
 */
export function useTriage(scope: TriageScope, category: TriageCategory | undefined) {
  const api = useApi()
  useRefetchAfterSync()
  return useQuery({
    queryKey: [...TRIAGE_KEY, scope, category ?? 'first'],
    queryFn: () => api.triage.list({ scope, ...(category ? { category } : {}) }),
    placeholderData: keepPreviousData,
  })
}

/** New mail events arrive with a sync: show them without waiting for the cache to go stale. */
function useRefetchAfterSync() {
  const queryClient = useQueryClient()
  const syncedAt = useSyncStatus().data?.lastSuccessAt
  const seen = useRef(syncedAt)
  useEffect(() => {
    if (syncedAt === undefined) return
    if (seen.current !== undefined && seen.current !== syncedAt)
      void queryClient.invalidateQueries({ queryKey: TRIAGE_KEY })
    seen.current = syncedAt
  }, [syncedAt, queryClient])
}
