import { MantineProvider } from '@mantine/core'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { i18n } from 'i18next'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { ApiProvider } from '../api/ApiProvider'
import type { Api } from '../api/client'
import { DatesLocaleProvider } from './dates/DatesLocaleProvider'
import { cssVariablesResolver, theme } from './theme'
import { useDocumentLanguage } from './use-document-language'

export interface AppProvidersProps {
  api: Api
  i18n: i18n
  queryClient: QueryClient
  /** 'test' turns off Mantine transitions and portals (component tests). */
  env?: 'default' | 'test'
  children: ReactNode
}

/** Everything a screen needs around it; shared by the app and the component tests. */
export function AppProviders({
  api,
  i18n,
  queryClient,
  env = 'default',
  children,
}: AppProvidersProps) {
  useDocumentLanguage(i18n)
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      env={env}
    >
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <ApiProvider api={api}>
            <DatesLocaleProvider>{children}</DatesLocaleProvider>
          </ApiProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  )
}
