import type BetterSqlite3 from 'better-sqlite3'
import type { TriageGroups } from './classify-triage'

/**
 * At 1M contracts the whole book has some 150k candidates, and classifying them takes
 * seconds; switching between the screen's tabs must not redo it each time. One result per
 * scope is kept while the data is unchanged and for at most MAX_AGE_MS: the time rules
 * (hours since a mail) move on, and the screen shows the instant the result is for.
 */
export const TRIAGE_CACHE_MAX_AGE_MS = 60_000

export interface ClassifiedAt {
  groups: TriageGroups
  at: Date
}

interface Entry extends ClassifiedAt {
  stamp: string
}

/** Changes whenever any connection commits (data_version) or this one writes (total_changes). */
function dataStamp(sqlite: BetterSqlite3.Database): string {
  const version = sqlite.pragma('data_version', { simple: true }) as number
  const { n } = sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }
  return `${version}:${n}`
}

export function createTriageCache(sqlite: BetterSqlite3.Database) {
  const entries = new Map<string, Entry>()
  return {
    /** The cached groups for `scopeKey`, or `classify()`'s, stored for next time. */
    get(scopeKey: string, now: Date, classify: () => TriageGroups): ClassifiedAt {
      const stamp = dataStamp(sqlite)
      const hit = entries.get(scopeKey)
      const age = hit ? now.getTime() - hit.at.getTime() : Infinity
      if (hit && hit.stamp === stamp && age >= 0 && age < TRIAGE_CACHE_MAX_AGE_MS) return hit
      const entry = { stamp, at: now, groups: classify() }
      entries.set(scopeKey, entry)
      return entry
    },
  }
}

export type TriageCache = ReturnType<typeof createTriageCache>
