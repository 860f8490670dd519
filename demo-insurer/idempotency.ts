import { DAY } from '../demo-data/calendar'

export interface StoredResponse {
  status: number
  body: unknown
}

type Entry =
  | { state: 'processing'; fingerprint: string; storedAt: number }
  | { state: 'done'; fingerprint: string; storedAt: number; response: StoredResponse }

export type KeyCheck =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'reused' }
  | { kind: 'in_progress' }

/** The doc promises at least 7 days; kept on the simulated clock, like the insurer's own. */
export const KEY_RETENTION_MS = 7 * DAY

/**
 * Idempotency-Key handling (draft-ietf-httpapi-idempotency-key-header), scoped per client.
 * A key is claimed before the work starts, so a concurrent duplicate sees "processing"
 * (409); only a success is remembered — a refused request frees its key, so the client
 * can fix the request and send it again under the same key.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>()

  get size(): number {
    return this.entries.size
  }

  claim(client: string, key: string, fingerprint: string, now: number): KeyCheck {
    const id = scoped(client, key)
    const entry = this.entries.get(id)
    if (!entry) {
      this.entries.set(id, { state: 'processing', fingerprint, storedAt: now })
      return { kind: 'new' }
    }
    if (entry.fingerprint !== fingerprint) return { kind: 'reused' }
    if (entry.state === 'processing') return { kind: 'in_progress' }
    return { kind: 'replay', response: entry.response }
  }

  complete(client: string, key: string, response: StoredResponse): void {
    const id = scoped(client, key)
    const entry = this.entries.get(id)
    if (entry) this.entries.set(id, { ...entry, state: 'done', response })
  }

  release(client: string, key: string): void {
    this.entries.delete(scoped(client, key))
  }

  prune(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.state === 'done' && entry.storedAt < now - KEY_RETENTION_MS) this.entries.delete(id)
    }
  }
}

function scoped(client: string, key: string): string {
  return `${client}\u0000${key}`
}

/** JSON with object keys sorted at every level: equal bodies compare equal as text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
