import { createContext, use, type ReactNode } from 'react'
import type { Api } from './client'

const ApiContext = createContext<Api | null>(null)

/**
 * The one way components reach the backend. main.tsx passes `createApi()`; tests pass a
 * fake with the same `NamedApi<'value'>` shape, so components never know the transport.
 */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>
}

export function useApi(): Api {
  const api = use(ApiContext)
  if (!api) throw new Error('useApi() must be used inside <ApiProvider>')
  return api
}
