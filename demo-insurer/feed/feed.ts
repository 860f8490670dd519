import { toJstIso } from '../../electron/common/domain/japan-time'
import type { WireChange, WireContract, WireEvent } from '../api-types'

export type FeedRead =
  | { ok: true; items: WireChange[]; lastSeq: number; hasMore: boolean }
  | { ok: false; reason: 'expired' | 'ahead' }

/**
 * The change feed: one ordered log with strictly increasing seq. Only the newest
 * `retention` items count as kept; the array is trimmed in batches so appends stay O(1)
 * amortised. Items are never mutated after append, which is what lets a contract's
 * versions share their unchanged parts (book/wire.ts).
 */
export class ChangeFeed {
  private items: WireChange[] = []
  /** seq of items[0]. */
  private physicalFirst = 1
  private last = 0
  readonly eventCounts = new Map<WireEvent['type'], number>()

  constructor(private readonly retention: number) {}

  get lastSeq(): number {
    return this.last
  }

  /** Oldest seq a reader can still get. */
  get firstSeq(): number {
    return Math.max(this.physicalFirst, this.last - this.retention + 1)
  }

  get retained(): number {
    return this.last - this.firstSeq + 1
  }

  appendEvent(at: number, policyNumber: string, event: WireEvent): void {
    this.eventCounts.set(event.type, (this.eventCounts.get(event.type) ?? 0) + 1)
    this.push({ seq: this.last + 1, occurredAt: toJstIso(at), kind: 'event', policyNumber, event })
  }

  appendUpsert(at: number, contract: WireContract): void {
    this.push({ seq: this.last + 1, occurredAt: toJstIso(at), kind: 'contract.upsert', contract })
  }

  /** Items after `afterSeq` (null = from the oldest kept item). */
  read(afterSeq: number | null, limit: number): FeedRead {
    const after = afterSeq ?? this.firstSeq - 1
    if (after > this.last) return { ok: false, reason: 'ahead' }
    if (after < this.firstSeq - 1) return { ok: false, reason: 'expired' }
    const from = after + 1 - this.physicalFirst
    const items = this.items.slice(from, from + limit)
    const lastSeq = items.length === 0 ? after : after + items.length
    return { ok: true, items, lastSeq, hasMore: lastSeq < this.last }
  }

  private push(item: WireChange): void {
    this.items.push(item)
    this.last = item.seq
    // Trimming copies the kept items, so it waits for a quarter of slack (amortised O(1)).
    if (this.items.length > this.retention + Math.max(1024, this.retention / 4)) {
      const drop = this.items.length - this.retention
      this.items = this.items.slice(drop)
      this.physicalFirst += drop
    }
  }
}
