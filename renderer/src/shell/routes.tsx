import type { ParseKeys } from 'i18next'
import type { ComponentType } from 'react'
import { ContractsScreen } from '../features/contracts/ContractsScreen'

/**
 * The screens, in navigation order. Hash routes (#/contracts) work the same under the app://
 * protocol and the web host. `nav` puts the screen in the side navigation; `shortcut` is the
 * key after "g" (g then c = contracts), listed in the shortcuts help.
 */
export interface ScreenRoute {
  path: string
  /** i18n key of the screen's name. */
  labelKey: ParseKeys
  component: ComponentType
  nav: boolean
  shortcut?: string
}

export const ROUTES: ScreenRoute[] = [
  {
    path: '/contracts',
    labelKey: 'nav.contracts',
    component: ContractsScreen,
    nav: true,
    shortcut: 'c',
  },
]

/** Where the app opens: the first screen in the navigation. */
export const HOME_PATH = ROUTES[0]?.path ?? '/contracts'
