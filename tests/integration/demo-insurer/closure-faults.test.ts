import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RunningDemoInsurer } from '../../../demo-insurer/server'
import { Api, MINUTE, startTestInsurer } from './harness'

describe('demo insurer: nightly site closure (04:00–06:00 JST, simulated clock)', () => {
  let insurer: RunningDemoInsurer
  beforeAll(async () => {
    insurer = await startTestInsurer({
      contracts: 100,
      startAt: Date.parse('2026-03-11T04:30:00+09:00'),
    })
  })
  afterAll(() => insurer.close())

  it('answers /v1 with 503 site_closed and Retry-After until 06:00; the token endpoint stays up', async () => {
    const api = new Api(insurer)
    expect((await api.issueToken()).status).toBe(200)
    for (const path of ['/v1/contracts', '/v1/changes', '/v1/reissues/x']) {
      const res = await api.get(path)
      expect(res.status, path).toBe(503)
      expect(res.body.code).toBe('site_closed')
      expect(Number(res.headers.get('retry-after'))).toBe(90 * 60)
    }
    insurer.advance(60 * MINUTE)
    expect(Number((await api.get('/v1/contracts')).headers.get('retry-after'))).toBe(30 * 60)
    insurer.advance(30 * MINUTE)
    expect((await api.get('/v1/contracts?limit=1')).status).toBe(200)
  })
})

describe('demo insurer: injected faults', () => {
  let insurer: RunningDemoInsurer
  let api: Api
  beforeAll(async () => {
    insurer = await startTestInsurer({ contracts: 100 })
    api = new Api(insurer)
    await api.bearer()
  })
  afterEach(() =>
    insurer.setFaults({
      errorRate: 0,
      latencyMs: 0,
      dropRate: 0,
      rateLimitPerSecond: null,
      forcedClosure: false,
    }),
  )
  afterAll(() => insurer.close())

  it('errorRate 1: every call is a 5xx problem (503 with Retry-After)', async () => {
    insurer.setFaults({ errorRate: 1 })
    for (let i = 0; i < 6; i++) {
      const res = await api.get('/v1/contracts?limit=1')
      expect([500, 503]).toContain(res.status)
      expect(res.body.code).toBe('internal')
      if (res.status === 503) expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
    }
  })

  it('rateLimitPerSecond: over the bucket → 429 rate_limited with Retry-After', async () => {
    insurer.setFaults({ rateLimitPerSecond: 2 })
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 5; i++) {
      const res = await api.get('/v1/contracts?limit=1')
      statuses.push(res.status)
      if (res.status === 429) retryAfter = res.headers.get('retry-after')
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200])
    expect(statuses).toContain(429)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
  })

  it('dropRate 1: the socket closes without an answer', async () => {
    insurer.setFaults({ dropRate: 1 })
    await expect(api.get('/v1/contracts?limit=1')).rejects.toThrow()
  })

  it('latencyMs: the answer comes late', async () => {
    insurer.setFaults({ latencyMs: 200 })
    const started = performance.now()
    expect((await api.get('/v1/contracts?limit=1')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
  })

  it('forcedClosure: 503 site_closed whatever the clock says', async () => {
    insurer.setFaults({ forcedClosure: true })
    const res = await api.get('/v1/contracts?limit=1')
    expect(res).toMatchObject({ status: 503, body: { code: 'site_closed' } })
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('admin endpoints: token required, switch faults, move the clock, report counts; no faults there', async () => {
    const admin = (path: string, init: RequestInit = {}, token = insurer.adminToken) =>
      fetch(`${insurer.url}${path}`, {
        ...init,
        headers: { 'x-demo-admin-token': token, 'content-type': 'application/json' },
      })
    expect((await admin('/admin/state', {}, 'wrong')).status).toBe(401)
    const set = await admin('/admin/faults', {
      method: 'POST',
      body: JSON.stringify({ errorRate: 1 }),
    })
    expect(set.status).toBe(200)
    expect(insurer.faults().errorRate).toBe(1)
    const bad = await admin('/admin/faults', {
      method: 'POST',
      body: JSON.stringify({ errorRate: 2 }),
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { detail: string }).detail).toContain('errorRate')
    const before = insurer.now()
    const clock = await admin('/admin/clock', {
      method: 'POST',
      body: JSON.stringify({ advanceMs: 3_600_000 }),
    })
    expect(clock.status).toBe(200)
    expect(insurer.now()).toBe(before + 3_600_000)
    const state = (await (await admin('/admin/state')).json()) as Record<string, unknown>
    expect(state).toMatchObject({ contracts: { total: 100 }, faults: { errorRate: 1 } })
    expect(JSON.stringify(state)).not.toMatch(/@/)
  })
})
