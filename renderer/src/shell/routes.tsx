import type { ParseKeys } from 'i18next'
import type { ComponentType } from 'react'
import { ContractsScreen } from '../features/contracts/ContractsScreen'
import { TodayScreen } from '../features/today/TodayScreen'
import { ContractDetailScreen } from '../features/detail/ContractDetailScreen'
import { TriageScreen } from '../features/triage/TriageScreen'

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
    path: '/today',
    labelKey: 'nav.today',
    component: TodayScreen,
    nav: true,
    shortcut: 't',
  },
  {
    path: '/contracts',
    labelKey: 'nav.contracts',
    component: ContractsScreen,
    nav: true,
    shortcut: 'c',
  },
  {
    path: '/triage',
    labelKey: 'nav.triage',
    component: TriageScreen,
    nav: true,
    shortcut: 'm',
  },
  // wouter matches '/contracts' exactly (no `nest`), so it never swallows '/contracts/12';
  // this entry stays after the list so HOME_PATH (the first entry) remains a nav screen.
  {
    path: '/contracts/:id',
    labelKey: 'detail.screenName',
    component: ContractDetailScreen,
    nav: false,
  },
]

/** Where the app opens: the first screen in the navigation. */
export const HOME_PATH = ROUTES[0]?.path ?? '/contracts'
