import { describe, expect, it } from 'vitest'
import {
  createSyncScheduler,
  type CycleOutcome,
} from '../../../electron/main/core/scheduler/sync-scheduler'

/** A hand-driven clock and timer: the test decides when time passes. */
function manualTime(start = Date.parse('2026-11-23T10:00:00+09:00')) {
  let now = start
  const timers: { at: number; fn: () => void; cancelled: boolean }[] = []
  return {
    now: () => new Date(now),
    setTimer: (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn, cancelled: false }
      timers.push(t)
      return { cancel: () => void (t.cancelled = true) }
    },
    pending: () => timers.filter((t) => !t.cancelled).map((t) => t.at - now),
    async advanceToNext() {
      const next = timers.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at)[0]
      if (!next) throw new Error('no timer')
      next.cancelled = true
      now = next.at
      next.fn()
      await new Promise((r) => setImmediate(r))
    },
  }
}

describe('sync scheduler', () => {
  it('runs at start, then every interval', async () => {
    const time = manualTime()
    let runs = 0
    const s = createSyncScheduler({
      runCycle: async () => (runs++, { kind: 'ok' }),
      intervalMs: 300_000,
      ...time,
    })
    s.start()
    await new Promise((r) => setImmediate(r))
    expect(runs).toBe(1)
    expect(time.pending()).toEqual([300_000])
    await time.advanceToNext()
    expect(runs).toBe(2)
    s.stop()
    expect(time.pending()).toEqual([])
  })

  it('applies a new interval to the wait in progress, but not to a closure wait', async () => {
    const time = manualTime()
    let outcome: CycleOutcome = { kind: 'ok' }
    const s = createSyncScheduler({ runCycle: async () => outcome, intervalMs: 300_000, ...time })
    s.start()
    await new Promise((r) => setImmediate(r))
    s.setIntervalMs(15 * 60_000)
    expect(time.pending()).toEqual([15 * 60_000])
    expect(s.state().intervalMs).toBe(15 * 60_000)
    outcome = {
      kind: 'site_closed',
      reopensAt: new Date(time.now().getTime() + 7_200_000 + 900_000),
    }
    await time.advanceToNext()
    expect(time.pending()).toEqual([7_200_000])
    s.setIntervalMs(60_000)
    // Still waiting for the reopening, not polling the closed site every minute.
    expect(time.pending()).toEqual([7_200_000])
    s.stop()
  })

  it('waits for the site to reopen instead of polling during the closure', async () => {
    const time = manualTime(Date.parse('2026-11-24T04:30:00+09:00'))
    const s = createSyncScheduler({
      runCycle: async () => ({
        kind: 'site_closed',
        reopensAt: new Date('2026-11-24T06:00:00+09:00'),
      }),
      ...time,
    })
    s.start()
    await new Promise((r) => setImmediate(r))
    expect(time.pending()).toEqual([90 * 60_000])
    expect(s.state().nextRunAt?.toISOString()).toBe('2026-11-23T21:00:00.000Z')
  })

  it('backs off while offline, capped at the interval, and resets after success', async () => {
    const time = manualTime()
    const outcomes: CycleOutcome[] = [
      { kind: 'offline' },
      { kind: 'offline' },
      { kind: 'offline' },
      { kind: 'offline' },
      { kind: 'ok' },
    ]
    const s = createSyncScheduler({
      runCycle: async () => outcomes.shift() ?? { kind: 'ok' },
      intervalMs: 100_000,
      offlineRetryMs: 30_000,
      ...time,
    })
    s.start()
    await new Promise((r) => setImmediate(r))
    const delays: number[] = []
    for (let i = 0; i < 5; i++) {
      delays.push(time.pending()[0]!)
      await time.advanceToNext()
    }
    expect(delays).toEqual([30_000, 60_000, 100_000, 100_000, 100_000])
  })

  it('joins a running cycle on demand instead of starting a second one', async () => {
    const time = manualTime()
    let runs = 0
    let release: () => void = () => {}
    const s = createSyncScheduler({
      runCycle: () => {
        runs++
        return new Promise<CycleOutcome>((r) => (release = () => r({ kind: 'ok' })))
      },
      ...time,
    })
    const a = s.runNow()
    const b = s.runNow()
    expect(s.state().running).toBe(true)
    release()
    expect(await a).toEqual(await b)
    expect(runs).toBe(1)
  })

  it('survives a crashing cycle', async () => {
    const time = manualTime()
    const s = createSyncScheduler({ runCycle: () => Promise.reject(new Error('boom')), ...time })
    expect(await s.runNow()).toEqual({ kind: 'failed' })
  })
})
