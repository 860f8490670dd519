import { useQuery } from '@tanstack/react-query'
import { useApi } from '../api/ApiProvider'

export const appInfoKey = ['app', 'info'] as const

export function useAppInfo() {
  const api = useApi()
  return useQuery({ queryKey: appInfoKey, queryFn: () => api.app.info({}) })
}
