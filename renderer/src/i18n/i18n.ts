import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { ja, type Messages } from './ja'

export const LANGUAGES = ['ja', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'renewal-desk.language'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Japanese unless the user picked another language on this PC. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : 'ja'
  } catch {
    // Storage can be unavailable (privacy mode); the default is fine then.
    return 'ja'
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Not persisting the choice is harmless.
  }
}

/**
 * One instance per app (and per test) rather than the i18next singleton, so tests
 * cannot leak a language into each other. Resources are bundled, so init is synchronous
 * and the first paint is already translated.
 */
export function createI18n(language: Language = storedLanguage()): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'ja',
    supportedLngs: [...LANGUAGES],
    resources: { ja: { translation: ja }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    showSupportNotice: false, // keeps the console (and test output) quiet
  })
  return instance
}
