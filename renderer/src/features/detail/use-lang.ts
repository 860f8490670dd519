import { useTranslation } from 'react-i18next'
import type { Lang } from '../../../../electron/common/domain/renewal-labels'

/** The UI language as the shared domain's label functions name it. */
export function useLang(): Lang {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'ja'
}
