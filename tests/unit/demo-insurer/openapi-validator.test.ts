import { describe, expect, it } from 'vitest'
import {
  expectValidResponse,
  matchPathTemplate,
  OpenApiViolation,
  validatingFetch,
} from '../../support/openapi-validator'

const problem = (status: number, code: string) => ({
  type: 'about:blank',
  title: 'x',
  status,
  code,
})

describe('OpenAPI response validator', () => {
  it('matches concrete paths to the doc templates', () => {
    expect(matchPathTemplate('/v1/contracts/1234567890')).toBe('/v1/contracts/{policyNumber}')
    expect(matchPathTemplate('/v1/contracts/1234567890/reissues')).toBe(
      '/v1/contracts/{policyNumber}/reissues',
    )
    expect(matchPathTemplate('/admin/state')).toBeNull()
  })

  it('accepts a documented response and rejects schema, status, type and header drift', () => {
    const ok = { method: 'GET', path: '/v1/changes', status: 200, contentType: 'application/json' }
    expectValidResponse({
      ...ok,
      body: { items: [], nextCursor: 'x', hasMore: false },
      headers: {},
    })
    expect(() =>
      expectValidResponse({ ...ok, body: { items: [], hasMore: false }, headers: {} }),
    ).toThrow(/nextCursor/)
    expect(() =>
      expectValidResponse({
        ...ok,
        body: { items: [{ seq: 1, kind: 'event' }], nextCursor: 'x', hasMore: true },
        headers: {},
      }),
    ).toThrow(OpenApiViolation)
    expect(() => expectValidResponse({ ...ok, status: 418, body: {}, headers: {} })).toThrow(
      /not documented/,
    )
    expect(() =>
      expectValidResponse({
        ...ok,
        contentType: 'text/plain',
        body: { items: [], nextCursor: 'x', hasMore: false },
        headers: {},
      }),
    ).toThrow(/content type/)
    const busy = {
      method: 'GET',
      path: '/v1/contracts',
      status: 429,
      contentType: 'application/problem+json',
    }
    expect(() =>
      expectValidResponse({ ...busy, body: problem(429, 'rate_limited'), headers: {} }),
    ).toThrow(/Retry-After/)
    expectValidResponse({
      ...busy,
      body: problem(429, 'rate_limited'),
      headers: { 'Retry-After': '3' },
    })
    expect(() =>
      expectValidResponse({
        ...busy,
        body: problem(429, 'no_such_code'),
        headers: { 'Retry-After': '3' },
      }),
    ).toThrow(OpenApiViolation)
    expect(() =>
      expectValidResponse({
        method: 'GET',
        path: '/v1/contracts/{policyNumber}',
        status: 200,
        contentType: 'application/json',
        body: {},
        headers: {},
      }),
    ).toThrow(/ETag/)
  })

  it('wraps fetch: documented paths are checked, others pass', async () => {
    const fake =
      (body: unknown, status = 200) =>
      async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        })
    const checked = validatingFetch(fake({ nope: true }))
    await expect(checked('http://127.0.0.1:1/v1/changes')).rejects.toThrow(OpenApiViolation)
    const admin = validatingFetch(fake({ anything: 1 }))
    expect((await admin('http://127.0.0.1:1/admin/state')).status).toBe(200)
    const seen: OpenApiViolation[] = []
    const lenient = validatingFetch(fake({ nope: true }), { onViolation: (e) => seen.push(e) })
    const res = await lenient(new Request('http://127.0.0.1:1/v1/changes'))
    expect(await res.json()).toEqual({ nope: true })
    expect(seen).toHaveLength(1)
  })
})
