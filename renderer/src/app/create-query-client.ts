import { QueryClient } from '@tanstack/react-query'

/**
 * The backend is on this PC (IPC or loopback), so a failure is rarely transient: retry
 * once, then show the error with its advice instead of spinning for long.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: 1,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
    },
  })
}
