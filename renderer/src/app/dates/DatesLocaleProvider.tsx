import { DatesProvider } from '@mantine/dates'
import 'dayjs/locale/ja'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Calendars in the UI language (month and weekday names); weeks start on Sunday as in Japan. */
export function DatesLocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'ja', firstDayOfWeek: 0 }}>
      {children}
    </DatesProvider>
  )
}
