import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, isLanguage, storeLanguage } from '../i18n/i18n'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const current = isLanguage(i18n.language) ? i18n.language : 'ja'
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={current}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
      onChange={(value) => {
        if (!isLanguage(value)) return
        storeLanguage(value)
        void i18n.changeLanguage(value)
      }}
    />
  )
}
