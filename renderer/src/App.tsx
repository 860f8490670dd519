import { useState } from 'react'
import type { Api } from './api/client'
import { AppProviders } from './app/AppProviders'
import { createQueryClient } from './app/create-query-client'
import { createI18n } from './i18n/i18n'
import { AppLayout } from './shell/AppLayout'

export function App({ api }: { api: Api }) {
  // Created once per mount: a new QueryClient on re-render would drop the cache.
  const [queryClient] = useState(createQueryClient)
  const [i18n] = useState(() => createI18n())
  return (
    <AppProviders api={api} i18n={i18n} queryClient={queryClient}>
      <AppLayout />
    </AppProviders>
  )
}
