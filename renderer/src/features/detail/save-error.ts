import { ApiCallError } from '../../api/client'

/**
 * The core's own words for a refused write ("日本語 / English", already saying what to do),
 * in the UI language; anything else gets the generic text for its code.
 */
export function saveErrorText(error: unknown, lang: 'ja' | 'en', fallback: string): string {
  if (!(error instanceof ApiCallError)) return fallback
  const { code, message } = error.error
  if (code !== 'request_refused' && code !== 'not_found' && code !== 'invalid_input')
    return fallback
  const [ja, en] = message.split(' / ')
  return (lang === 'en' ? (en ?? ja) : ja) ?? fallback
}
