import { QueryClient } from '@tanstack/react-query'
import { render as rtlRender, type RenderOptions } from '@testing-library/react'
import type { ReactElement, ReactNode } from 'react'
import type { Api } from '../../renderer/src/api/client'
import { AppProviders } from '../../renderer/src/app/AppProviders'
import { createI18n, type Language } from '../../renderer/src/i18n/i18n'
import { createFakeApi } from './fake-api'

export interface ProviderOptions extends Omit<RenderOptions, 'wrapper'> {
  /** The backend the component sees; defaults to an empty fake book. */
  api?: Api
  language?: Language
}

/**
 * Renders inside the app's own providers (after Mantine's vite-template test-utils), with
 * Mantine in test mode (no transitions, no portals) and a fresh QueryClient that does not
 * retry, so an error state shows at once.
 */
export function render(
  ui: ReactElement,
  { api = createFakeApi(), language = 'ja', ...options }: ProviderOptions = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  })
  const i18n = createI18n(language)
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppProviders api={api} i18n={i18n} queryClient={queryClient} env="test">
      {children}
    </AppProviders>
  )
  return { ...rtlRender(ui, { wrapper, ...options }), api, queryClient, i18n }
}
