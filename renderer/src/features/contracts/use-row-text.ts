import type { ParseKeys } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** A label of a list row, by translation key (and interpolation values). */
export type RowText = (key: ParseKeys, values?: Readonly<Record<string, string>>) => string

/**
 * The translation lookup for list rows, remembering each label it gave: rows repeat the same
 * few (steps, flows, outcomes, "unassigned"), and with i18next's t() called several times
 * per row, lookups were a visible part of redrawing a screenful of rows on each keystroke.
 * A new language brings a new t(), and with it an empty memory.
 */
export function useRowText(): RowText {
  const { t } = useTranslation()
  return useMemo(() => {
    // The key is checked by RowText; i18next's overloads cannot check interpolation values
    // against a key known only at run time.
    const lookup = t as unknown as (key: string, values?: object) => string
    const remembered = new Map<string, string>()
    return (key, values) => {
      const id = values ? `${key}\u0000${JSON.stringify(values)}` : key
      let text = remembered.get(id)
      if (text === undefined) {
        text = lookup(key, values)
        remembered.set(id, text)
      }
      return text
    }
  }, [t])
}
