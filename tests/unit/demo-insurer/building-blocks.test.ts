import { describe, expect, it } from 'vitest'
import { ChangeFeed } from '../../../demo-insurer/feed/feed'
import { decodeCursor, encodeCursor } from '../../../demo-insurer/feed/cursor'
import {
  canonicalJson,
  IdempotencyStore,
  KEY_RETENTION_MS,
} from '../../../demo-insurer/idempotency'
import { RateLimiter } from '../../../demo-insurer/rate-limit'
import { TaskHeap } from '../../../demo-insurer/sim/heap'
import { mergeFaults, DEFAULT_FAULTS, DemoInsurerOptionError } from '../../../demo-insurer/faults'

describe('demo insurer building blocks', () => {
  it('cursors round-trip and reject anything else', () => {
    const c = { kind: 'changes', run: 'ab12', seq: 42 } as const
    expect(decodeCursor(encodeCursor(c))).toEqual(c)
    const p = { kind: 'contracts', run: 'ab12', position: 7 } as const
    expect(decodeCursor(encodeCursor(p))).toEqual(p)
    for (const bad of [
      '',
      '!!',
      'e30',
      Buffer.from('{"k":"c","r":"x","s":-1}').toString('base64url'),
      'x'.repeat(600),
    ]) {
      expect(decodeCursor(bad)).toBeNull()
    }
  })

  it('keeps the newest `retention` feed items and says when a cursor is too old', () => {
    const feed = new ChangeFeed(10)
    for (let i = 0; i < 5000; i++) feed.appendEvent(i, '1000000001', { type: 'login' })
    expect(feed.lastSeq).toBe(5000)
    expect(feed.firstSeq).toBe(4991)
    expect(feed.read(0, 5)).toEqual({ ok: false, reason: 'expired' })
    expect(feed.read(6000, 5)).toEqual({ ok: false, reason: 'ahead' })
    const page = feed.read(4990, 4)
    expect(page.ok && page.items.map((i) => i.seq)).toEqual([4991, 4992, 4993, 4994])
    const tail = feed.read(null, 100)
    expect(tail.ok && tail.items.length).toBe(10)
    expect(tail.ok && tail.hasMore).toBe(false)
  })

  it('compares bodies canonically (key order does not matter, values do)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }),
    )
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }))
  })

  it('idempotency: claim, in progress, replay, reuse, release, prune after 7 days', () => {
    const store = new IdempotencyStore()
    expect(store.claim('c', 'k', 'f1', 0)).toEqual({ kind: 'new' })
    expect(store.claim('c', 'k', 'f1', 0)).toEqual({ kind: 'in_progress' })
    expect(store.claim('other-client', 'k', 'f1', 0)).toEqual({ kind: 'new' })
    store.complete('c', 'k', { status: 202, body: { id: 'x' } })
    expect(store.claim('c', 'k', 'f1', 1)).toEqual({
      kind: 'replay',
      response: { status: 202, body: { id: 'x' } },
    })
    expect(store.claim('c', 'k', 'f2', 1)).toEqual({ kind: 'reused' })
    store.prune(KEY_RETENTION_MS)
    expect(store.claim('c', 'k', 'f1', 1).kind).toBe('replay')
    store.prune(KEY_RETENTION_MS + 1)
    expect(store.claim('c', 'k', 'f2', 1)).toEqual({ kind: 'new' })
    store.release('c', 'k')
    expect(store.claim('c', 'k', 'f3', 1)).toEqual({ kind: 'new' })
  })

  it('rate limiter: a bucket per client, Retry-After in whole seconds', () => {
    let now = 0
    const limiter = new RateLimiter(() => now)
    expect([limiter.take('a', 2), limiter.take('a', 2), limiter.take('a', 2)]).toEqual([
      null,
      null,
      1,
    ])
    expect(limiter.take('b', 2)).toBeNull()
    now = 500
    expect(limiter.take('a', 2)).toBeNull()
  })

  it('task heap pops by instant, then insertion order', () => {
    const heap = new TaskHeap<string>()
    const input: Array<[number, string]> = [
      [5, 'e'],
      [1, 'a'],
      [3, 'c1'],
      [3, 'c2'],
      [2, 'b'],
      [3, 'c3'],
    ]
    for (const [at, name] of input) heap.push(at, name)
    const out: string[] = []
    for (let t = heap.pop(); t; t = heap.pop()) out.push(t.action)
    expect(out).toEqual(['a', 'b', 'c1', 'c2', 'c3', 'e'])
  })

  it('faults: validated partial updates, naming the bad field', () => {
    expect(mergeFaults(DEFAULT_FAULTS, { errorRate: 0.5 })).toMatchObject({
      errorRate: 0.5,
      latencyMs: 0,
    })
    expect(() => mergeFaults(DEFAULT_FAULTS, { dropRate: 3 })).toThrow(DemoInsurerOptionError)
    expect(() => mergeFaults(DEFAULT_FAULTS, { nope: 1 })).toThrow(/nope/)
    expect(() => mergeFaults(DEFAULT_FAULTS, { tokenTtlSeconds: 0 })).toThrow(/tokenTtlSeconds/)
  })
})
