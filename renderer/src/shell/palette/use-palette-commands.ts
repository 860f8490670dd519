import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { normaliseForSearch } from '../../../../electron/common/domain/search-normalise'
import { useRunSync } from '../../features/sync/use-sync-status'
import { isLanguage, storeLanguage } from '../../i18n/i18n'
import { ROUTES } from '../routes'

export interface PaletteCommand {
  id: string
  group: 'screens' | 'actions'
  label: string
  description?: string
  /** Also matched by the search: the label in the other language, the route path. */
  keywords: string[]
  run(): void
}

/** Every screen of ROUTES that can be opened without an id, and the app-wide actions. */
export function usePaletteCommands({
  onShowShortcuts,
}: {
  onShowShortcuts: () => void
}): PaletteCommand[] {
  const { t, i18n } = useTranslation()
  const [, navigate] = useLocation()
  const runSync = useRunSync()
  const { setColorScheme } = useMantineColorScheme()
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: true })
  const inJa = i18n.getFixedT('ja')
  const inEn = i18n.getFixedT('en')
  const language = isLanguage(i18n.language) ? i18n.language : 'ja'
  const other = language === 'ja' ? 'en' : 'ja'

  const screens: PaletteCommand[] = ROUTES.filter((r) => !r.path.includes(':')).map((r) => ({
    id: `screen:${r.path}`,
    group: 'screens',
    label: t(r.labelKey),
    description: t('palette.goTo', { screen: t(r.labelKey) }),
    keywords: [inJa(r.labelKey), inEn(r.labelKey), r.path],
    run: () => navigate(r.path),
  }))
  const actions: PaletteCommand[] = [
    {
      id: 'action:sync',
      group: 'actions',
      label: t('palette.syncNow'),
      description: t('palette.syncNowDescription'),
      keywords: [inJa('palette.syncNow'), inEn('palette.syncNow'), 'sync'],
      run: () => void runSync(),
    },
    {
      id: 'action:language',
      group: 'actions',
      label: t('palette.switchLanguage'),
      description: t('palette.switchLanguageDescription'),
      keywords: ['language', '言語', 'English', '日本語'],
      run: () => {
        storeLanguage(other)
        void i18n.changeLanguage(other)
      },
    },
    {
      id: 'action:color-scheme',
      group: 'actions',
      label: t('palette.toggleColorScheme'),
      keywords: ['dark', 'light', 'ダーク', 'ライト'],
      run: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
    },
    {
      id: 'action:shortcuts',
      group: 'actions',
      label: t('palette.showShortcuts'),
      keywords: [inJa('palette.showShortcuts'), inEn('palette.showShortcuts'), 'shortcut', '?'],
      run: onShowShortcuts,
    },
  ]
  return [...screens, ...actions]
}

/** Kana-, width- and case-blind, like the contract search (normaliseForSearch). */
export function matchesQuery(command: PaletteCommand, query: string): boolean {
  const q = normaliseForSearch(query)
  if (q === '') return true
  return [command.label, command.description ?? '', ...command.keywords].some((text) =>
    normaliseForSearch(text).includes(q),
  )
}
