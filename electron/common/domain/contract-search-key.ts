import { normaliseForSearch } from './search-normalise'

/**
 * What a contract can be found by: the policyholder's and the named insured's names (kanji
 * and kana reading), and the numbers staff read out on the phone (phone, plate, policy
 * number). Stored normalised (normaliseForSearch) in contract_search, in two columns:
 * names alone serve 1–2 character queries, which would match nearly every number.
 */
export interface SearchKeySource {
  clientName: string
  clientKana: string
  namedInsuredName: string
  namedInsuredKana: string
  phone: string | null
  plate: string
  policyNumber: string
}

export interface SearchKey {
  names: string
  numbers: string
}

/**
 * Parts are joined by a space: normalised queries never contain one, so a query can never
 * match across two parts (the end of a name and the start of the next).
 */
function join(parts: ReadonlyArray<string | null>): string {
  const seen = new Set<string>()
  for (const part of parts) {
    const key = part === null ? '' : normaliseForSearch(part)
    if (key !== '') seen.add(key)
  }
  return [...seen].join(' ')
}

/**
 * `names` ends in a space (when not empty) so that every pair of characters in it starts a
 * trigram, the last pair included: 2-character searches find their trigrams in the index by
 * that pair (migration 0010, db/queries/contract-search.ts).
 */
export function contractSearchKey(s: SearchKeySource): SearchKey {
  const names = join([s.clientName, s.clientKana, s.namedInsuredName, s.namedInsuredKana])
  return {
    names: names === '' ? '' : `${names} `,
    numbers: join([s.phone, s.plate, s.policyNumber]),
  }
}

/** Queries of this many characters (after normalising) or more use the trigram index. */
export const TRIGRAM_MIN_LENGTH = 3

/** The normalised query, or null when nothing searchable is left (only spaces, dashes). */
export function searchQueryKey(query: string): string | null {
  const key = normaliseForSearch(query)
  return key === '' ? null : key
}
