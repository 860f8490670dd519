import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningDemoInsurer } from '../../../demo-insurer/server'
import { Api, DAY, startTestInsurer } from './harness'

interface Contract {
  policyNumber: string
  version: number
  renewal: { renewedPolicyNumber: string | null }
  policyholder: { email: string | null }
}
interface Page {
  items: Contract[]
  nextCursor: string | null
  changesCursor?: string
  total?: number
}

describe('demo insurer: contract snapshot and single contracts', () => {
  let insurer: RunningDemoInsurer
  let api: Api
  beforeAll(async () => {
    insurer = await startTestInsurer()
    api = new Api(insurer)
    insurer.advance(2 * DAY)
  })
  afterAll(() => insurer.close())

  it('pages the whole book once each, in policy-number order, equal to the server truth', async () => {
    const seen: Contract[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = cursor === null ? '?limit=300' : `?limit=300&cursor=${cursor}`
      const res = await api.get<Page>(`/v1/contracts${query}`)
      expect(res.status).toBe(200)
      if (pages === 0) {
        expect(res.body.total).toBe(1000)
        expect(typeof res.body.changesCursor).toBe('string')
      } else {
        expect(res.body.total).toBeUndefined()
        expect(res.body.changesCursor).toBeUndefined()
      }
      seen.push(...res.body.items)
      cursor = res.body.nextCursor
      pages++
    } while (cursor !== null && pages < 100)
    expect(pages).toBe(4)
    const numbers = seen.map((c) => c.policyNumber)
    expect(new Set(numbers).size).toBe(1000)
    expect(numbers).toEqual([...numbers].sort())
    expect(seen).toEqual([...insurer.snapshot()])
    expect(seen.some((c) => c.version > 1)).toBe(true)
  })

  it('serves a page of 500 quickly', async () => {
    await api.get('/v1/contracts?limit=1')
    const started = performance.now()
    const res = await api.get<Page>('/v1/contracts?limit=500')
    expect(res.body.items).toHaveLength(500)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('rejects a bad limit or cursor with 400', async () => {
    for (const query of [
      'limit=0',
      'limit=1001',
      'limit=abc',
      'cursor=%%%',
      'cursor=eyJrIjoicCJ9',
    ]) {
      const res = await api.get(`/v1/contracts?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.body.code).toBe('invalid_request')
    }
  })

  it('gives one contract with an ETag, 304 while unchanged, 200 once it changed', async () => {
    const [first] = insurer.snapshot()
    if (!first) throw new Error('empty book')
    const res = await api.get<Contract>(`/v1/contracts/${first.policyNumber}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual(first)
    const etag = res.headers.get('etag')
    expect(etag).toMatch(/^".+"$/)
    const same = await api.get(`/v1/contracts/${first.policyNumber}`, {
      'if-none-match': etag ?? '',
    })
    expect(same.status).toBe(304)
    expect(same.body).toBeUndefined()
    // A corrected email is a change: the version and so the ETag move on.
    await api.reissue(first.policyNumber, 'etag-change', {
      kind: 'id_mail',
      correctedEmail: 'new.address@example.jp',
    })
    const changed = await api.get<Contract>(`/v1/contracts/${first.policyNumber}`, {
      'if-none-match': etag ?? '',
    })
    expect(changed.status).toBe(200)
    expect(changed.body.version).toBe(first.version + 1)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('answers 404 not_found for unknown and renewed policy numbers', async () => {
    const renewed = [...insurer.snapshot()].find((c) => c.renewal.renewedPolicyNumber !== null)
    for (const number of ['0000000000', 'nonsense', renewed?.renewal.renewedPolicyNumber ?? '9']) {
      const res = await api.get(`/v1/contracts/${number}`)
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('not_found')
    }
  })
})
