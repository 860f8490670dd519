import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningDemoInsurer } from '../../../demo-insurer/server'
import { Api, DAY, HOUR, readFeed, startTestInsurer, type FeedItem } from './harness'

describe('demo insurer: change feed', () => {
  let insurer: RunningDemoInsurer
  let api: Api
  beforeAll(async () => {
    insurer = await startTestInsurer()
    api = new Api(insurer)
  })
  afterAll(() => insurer.close())

  it('starts from the snapshot cursor and has strictly increasing seq across pages', async () => {
    insurer.advance(HOUR)
    const first = await api.get<{ changesCursor: string }>('/v1/contracts?limit=1')
    const before = await readFeed(api)
    insurer.advance(2 * DAY)
    const { items, cursor } = await readFeed(api, first.body.changesCursor, 97)
    expect(items.length).toBeGreaterThan(200)
    const lastBefore = before.items.at(-1)?.seq ?? 0
    expect(items[0]?.seq).toBe(lastBefore + 1)
    items.forEach((item, i) => {
      if (i > 0) expect(item.seq).toBe((items[i - 1] as FeedItem).seq + 1)
    })
    // At the end: hasMore false, and the cursor still works once new items arrive.
    const empty = await api.get<{ items: FeedItem[]; hasMore: boolean; nextCursor: string }>(
      `/v1/changes?cursor=${cursor}`,
    )
    expect(empty.body).toMatchObject({ items: [], hasMore: false, nextCursor: cursor })
    insurer.advance(6 * HOUR)
    const more = await readFeed(api, cursor)
    expect(more.items[0]?.seq).toBe((items.at(-1)?.seq ?? 0) + 1)
  })

  it('puts an event before each upsert, and the upsert carries version + 1', async () => {
    const { items } = await readFeed(api)
    const versions = new Map<string, number>()
    items.forEach((item, i) => {
      if (item.kind !== 'contract.upsert' || !item.contract) return
      const previous = items[i - 1]
      expect(previous?.kind).toBe('event')
      expect(previous?.policyNumber).toBe(item.contract.policyNumber)
      const last = versions.get(item.contract.policyNumber)
      if (last !== undefined) expect(item.contract.version).toBe(last + 1)
      else expect(item.contract.version).toBe(2)
      versions.set(item.contract.policyNumber, item.contract.version)
    })
  })

  it('answers 400 for a malformed cursor or a snapshot cursor', async () => {
    const snapshotCursor = (await api.get<{ nextCursor: string }>('/v1/contracts?limit=1')).body
      .nextCursor
    for (const cursor of ['not*base64', 'bm90IGpzb24', snapshotCursor]) {
      const res = await api.get(`/v1/changes?cursor=${encodeURIComponent(cursor)}`)
      expect(res.status, cursor).toBe(400)
      expect(res.body.code).toBe('invalid_request')
    }
  })
})

describe('demo insurer: change feed retention', () => {
  let insurer: RunningDemoInsurer
  afterAll(() => insurer.close())

  it('answers 410 cursor_expired once a cursor fell out of retention', async () => {
    insurer = await startTestInsurer({ changeRetention: 50 })
    const api = new Api(insurer)
    const start = await api.get<{ changesCursor: string }>('/v1/contracts?limit=1')
    insurer.advance(DAY)
    const gone = await api.get(`/v1/changes?cursor=${start.body.changesCursor}`)
    expect(gone.status).toBe(410)
    expect(gone.body.code).toBe('cursor_expired')
    // Without a cursor the feed starts at its oldest kept item: exactly `retention` of them.
    const { items } = await readFeed(api)
    expect(items).toHaveLength(50)
  })
})
