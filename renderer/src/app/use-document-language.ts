import type { i18n } from 'i18next'
import { useEffect } from 'react'

/** Keeps <html lang> in step with the UI language so screen readers pick the right voice. */
export function useDocumentLanguage(instance: i18n): void {
  useEffect(() => {
    const apply = (language: string) => {
      document.documentElement.lang = language
    }
    apply(instance.language)
    instance.on('languageChanged', apply)
    return () => instance.off('languageChanged', apply)
  }, [instance])
}
