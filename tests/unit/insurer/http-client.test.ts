import { describe, expect, it } from 'vitest'
import { setLogSink } from '../../../electron/main/core/logger'
import type { InsurerConnectionSettings } from '../../../electron/main/core/insurer/adapter'
import { InsurerError } from '../../../electron/main/core/insurer/errors'
import {
  createHttpInsurerClient,
  type HttpInsurerClientDeps,
} from '../../../electron/main/core/insurer/http-client'
import { fakeInsurer, json, networkError, problem, type Route } from './fake-fetch'
import { sampleContract, sampleReissue } from './fixtures'

const NOW = Date.parse('2026-11-23T10:00:00+09:00')
const settings: InsurerConnectionSettings = {
  insurerId: 'demo',
  baseUrl: 'http://insurer.test',
  clientId: 'agency-1',
  clientSecret: 'not-a-real-secret',
}

function setup(
  route: Route,
  overrides: Partial<InsurerConnectionSettings> = {},
  tokenTtlSeconds?: number,
) {
  const insurer = fakeInsurer(route, tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds })
  let clock = NOW
  const sleeps: number[] = []
  const deps: HttpInsurerClientDeps = {
    fetch: insurer.fetch,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock += ms
    },
    random: () => 0.5,
  }
  const client = createHttpInsurerClient({ ...settings, ...overrides }, deps)
  return { client, insurer, sleeps }
}

async function failure(promise: Promise<unknown>): Promise<InsurerError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InsurerError)
  return error as InsurerError
}

const page = { items: [sampleContract('P-1')], nextCursor: 'c2', changesCursor: 'f0', total: 1 }
/** Never answers; like a real fetch it gives up when the request is aborted. */
const hang: Route = ({ signal }) =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))

describe('http insurer client', () => {
  it('authenticates with client credentials (form-encoded) and sends the bearer token', async () => {
    const { client, insurer } = setup(() => json(200, page))
    const result = await client.listContracts({ cursor: 'c1', limit: 100 })
    expect(result.items[0]?.policyNumber).toBe('P-1')
    const [token, call] = insurer.requests
    expect(token?.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(new URLSearchParams(token?.body).get('grant_type')).toBe('client_credentials')
    expect(call?.path).toBe('/v1/contracts?cursor=c1&limit=100')
    expect(call?.headers.get('authorization')).toBe('Bearer token-1')
  })

  it('reuses the token across calls', async () => {
    const { client, insurer } = setup(() => json(200, page))
    await client.listContracts({})
    await client.listContracts({})
    expect(insurer.tokensIssued()).toBe(1)
  })

  it('retries a GET through 500s and dropped connections with backoff', async () => {
    const { client, insurer, sleeps } = setup((_, attempt) => {
      if (attempt === 1) return problem(500, 'internal')
      if (attempt === 2) throw networkError('ECONNRESET')
      return json(200, page)
    })
    await expect(client.listContracts({})).resolves.toMatchObject({ nextCursor: 'c2' })
    expect(insurer.apiRequests()).toHaveLength(3)
    expect(sleeps).toEqual([250, 500]) // random 0.5 × 500·2^n
  })

  it('honours Retry-After on 429 (waits at least what the insurer asked)', async () => {
    const { client, sleeps } = setup((_, attempt) =>
      attempt === 1 ? problem(429, 'rate_limited', { 'Retry-After': '3' }) : json(200, page),
    )
    await client.listContracts({})
    expect(sleeps).toEqual([3000])
  })

  it('stops after maxAttempts and reports the last kind', async () => {
    const { client, insurer } = setup(() => problem(502, undefined), { maxAttempts: 3 })
    const error = await failure(client.listContracts({}))
    expect(error.kind).toBe('server_error')
    expect(insurer.apiRequests()).toHaveLength(3)
  })

  it('does not retry site_closed; gives reopensAt from Retry-After', async () => {
    const { client, insurer } = setup(() => problem(503, 'site_closed', { 'Retry-After': '7200' }))
    const error = await failure(client.listChanges({ cursor: 'x' }))
    expect(error.kind).toBe('site_closed')
    expect(error.reopensAt?.getTime()).toBe(NOW + 7_200_000)
    expect(insurer.apiRequests()).toHaveLength(1)
  })

  it('a GET that times out is offline (after its retries)', async () => {
    const { client, insurer } = setup(hang, { timeoutMs: 20, maxAttempts: 2 })
    const error = await failure(client.getReissue('R-1'))
    expect(error.kind).toBe('offline')
    expect(insurer.apiRequests()).toHaveLength(2)
  })

  it('refreshes the token once on 401 and retries the call', async () => {
    const { client, insurer } = setup((request) =>
      request.headers.get('authorization') === 'Bearer token-1'
        ? problem(401, 'unauthorized')
        : json(200, sampleReissue()),
    )
    await expect(client.getReissue('R-1')).resolves.toMatchObject({ id: 'R-1' })
    expect(insurer.tokensIssued()).toBe(2)
  })

  it('a second 401 is unauthorized, with no further attempts', async () => {
    const { client, insurer } = setup(() => problem(401, 'unauthorized'))
    const error = await failure(client.getReissue('R-1'))
    expect(error.kind).toBe('unauthorized')
    expect(insurer.apiRequests()).toHaveLength(2)
    expect(insurer.tokensIssued()).toBe(2)
  })

  it('wrong client credentials are unauthorized without retries', async () => {
    const insurer = fakeInsurer(() => json(200, page))
    let tokenCalls = 0
    const client = createHttpInsurerClient(settings, {
      fetch: async (input, init) => {
        const request = new Request(input, init)
        if (new URL(request.url).pathname === '/oauth/token') {
          tokenCalls++
          return problem(401, 'invalid_client')
        }
        return insurer.fetch(input, init)
      },
      sleep: async () => {},
    })
    const error = await failure(client.listContracts({}))
    expect(error.kind).toBe('unauthorized')
    expect(tokenCalls).toBe(1)
    expect(insurer.requests).toHaveLength(0)
  })

  it('a 1-second token is renewed transparently', async () => {
    let clock = NOW
    const insurer = fakeInsurer(() => json(200, page), { tokenTtlSeconds: 1 })
    const client = createHttpInsurerClient(settings, { fetch: insurer.fetch, now: () => clock })
    await client.listContracts({})
    clock += 1_500
    await client.listContracts({})
    expect(insurer.tokensIssued()).toBe(2)
  })

  describe('getContract', () => {
    it('sends If-None-Match and reports 304 as notModified', async () => {
      const { client, insurer } = setup(() => new Response(null, { status: 304 }))
      await expect(client.getContract('P-1', '"v3"')).resolves.toEqual({ notModified: true })
      expect(insurer.apiRequests()[0]?.headers.get('if-none-match')).toBe('"v3"')
    })

    it('returns the contract with its ETag', async () => {
      const { client } = setup(() => json(200, sampleContract('P-1', 3), { ETag: '"v3"' }))
      await expect(client.getContract('P-1')).resolves.toMatchObject({ etag: '"v3"' })
    })

    it('a 200 without an ETag breaks the contract: invalid_response', async () => {
      const { client } = setup(() => json(200, sampleContract('P-1', 3)))
      const error = await failure(client.getContract('P-1'))
      expect(error.kind).toBe('invalid_response')
      expect(error.path).toEqual(['headers', 'ETag'])
    })
  })

  describe('requestReissue', () => {
    it('refuses to send a POST without an idempotency key', async () => {
      const { client, insurer } = setup(() => json(202, sampleReissue()))
      await expect(client.requestReissue('P-1', { kind: 'password' }, '')).rejects.toThrow(
        TypeError,
      )
      await expect(
        client.requestReissue('P-1', { kind: 'password' }, undefined as unknown as string),
      ).rejects.toThrow(TypeError)
      expect(insurer.requests).toHaveLength(0)
    })

    it('refuses an invalid request body locally, without echoing it', async () => {
      const { client, insurer } = setup(() => json(202, sampleReissue()))
      const error = await failure(
        client.requestReissue('P-1', { kind: 'password', correctedEmail: 'not an email' }, 'k1'),
      )
      expect(error.kind).toBe('rejected')
      expect(error.path).toEqual(['correctedEmail'])
      expect(error.message).not.toContain('not an email')
      expect(insurer.requests).toHaveLength(0)
    })

    it('retries a dropped POST with the same key', async () => {
      const { client, insurer } = setup((_, attempt) => {
        if (attempt === 1) throw networkError('UND_ERR_SOCKET')
        return json(202, sampleReissue())
      })
      await client.requestReissue('P-1', { kind: 'password', note: 'client called' }, 'key-123')
      const posts = insurer.apiRequests()
      expect(posts).toHaveLength(2)
      expect(posts.map((p) => p.headers.get('idempotency-key'))).toEqual(['key-123', 'key-123'])
      expect(posts.map((p) => p.body)).toEqual([posts[0]?.body, posts[0]?.body])
      expect(JSON.parse(posts[0]?.body ?? '')).toEqual({ kind: 'password', note: 'client called' })
    })

    it('a POST that keeps timing out ends as outcome_unknown (retry later, same key)', async () => {
      const { client, insurer } = setup(hang, { timeoutMs: 20, maxAttempts: 3 })
      const error = await failure(client.requestReissue('P-1', { kind: 'id_mail' }, 'key-9'))
      expect(error.kind).toBe('outcome_unknown')
      expect(insurer.apiRequests().map((p) => p.headers.get('idempotency-key'))).toEqual([
        'key-9',
        'key-9',
        'key-9',
      ])
    })

    it('a refused connection means nothing was sent: offline', async () => {
      const { client } = setup(
        () => {
          throw networkError('ECONNREFUSED')
        },
        { maxAttempts: 1 },
      )
      const error = await failure(client.requestReissue('P-1', { kind: 'id_mail' }, 'k'))
      expect(error.kind).toBe('offline')
    })

    it('409 "still processing" is waited out like busy', async () => {
      const { client, insurer } = setup((_, attempt) =>
        attempt === 1 ? problem(409, 'idempotency_key_in_progress') : json(202, sampleReissue()),
      )
      await expect(client.requestReissue('P-1', { kind: 'password' }, 'k')).resolves.toMatchObject({
        status: 'accepted',
      })
      expect(insurer.apiRequests()).toHaveLength(2)
    })

    it('the insurer’s refusal is rejected with its reason, not retried', async () => {
      const { client, insurer } = setup(() =>
        problem(422, 'reissue_not_allowed', {}, { detail: 'already renewed' }),
      )
      const error = await failure(client.requestReissue('P-1', { kind: 'password' }, 'k'))
      expect(error.kind).toBe('rejected')
      expect(error.problem).toMatchObject({ status: 422, code: 'reissue_not_allowed' })
      expect(error.message).not.toContain('already renewed')
      expect(insurer.apiRequests()).toHaveLength(1)
    })
  })

  describe('invalid responses', () => {
    it('a malformed payload is invalid_response with the operation and path, not the values', async () => {
      const leaked = { ...sampleContract('P-SECRET-1'), premiumYen: '六万五千円' }
      const { client, insurer } = setup(() => json(200, { items: [leaked], nextCursor: null }))
      const error = await failure(client.listContracts({}))
      expect(error.kind).toBe('invalid_response')
      expect(error.operation).toBe('listContracts')
      expect(error.path).toEqual(['items', 0, 'premiumYen'])
      expect(error.message).toContain('items.0.premiumYen')
      for (const value of ['P-SECRET-1', '六万五千円', '見本', 'sample@example.invalid']) {
        expect(error.message).not.toContain(value)
        expect(JSON.stringify(error)).not.toContain(value)
      }
      expect(insurer.apiRequests()).toHaveLength(1) // repeating will not fix it
    })

    it('unparseable JSON is invalid_response, not a crash', async () => {
      const { client } = setup(
        () =>
          new Response('{"items": [', {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          }),
      )
      expect((await failure(client.listChanges({}))).kind).toBe('invalid_response')
    })

    it('a change with an unknown kind is invalid_response', async () => {
      const { client } = setup(() =>
        json(200, {
          items: [{ seq: 1, occurredAt: '2026-11-23T10:00:00+09:00', kind: 'contract.merge' }],
          nextCursor: 'n',
          hasMore: false,
        }),
      )
      const error = await failure(client.listChanges({}))
      expect(error.path).toEqual(['items', 0, 'kind'])
    })
  })

  describe('circuit breaker', () => {
    it('after 5 consecutive outage failures, calls fail fast without touching the network', async () => {
      const { client, insurer } = setup(
        () => {
          throw networkError('ECONNRESET')
        },
        { maxAttempts: 5 },
      )
      expect((await failure(client.listContracts({}))).kind).toBe('offline')
      expect(insurer.apiRequests()).toHaveLength(5)
      const fast = await failure(client.listContracts({}))
      expect(fast.kind).toBe('offline')
      expect(fast.circuitOpen).toBe(true)
      expect(insurer.apiRequests()).toHaveLength(5)
    })

    it('busy answers do not open the circuit', async () => {
      const { client, insurer } = setup(
        () => problem(429, 'rate_limited', { 'Retry-After': '0' }),
        { maxAttempts: 10 },
      )
      expect((await failure(client.listContracts({}))).kind).toBe('busy')
      expect(insurer.apiRequests()).toHaveLength(10)
    })
  })

  it('ping fetches a fresh token every time and nothing else', async () => {
    const { client, insurer } = setup(() => json(200, page))
    await client.ping()
    await client.ping()
    expect(insurer.tokensIssued()).toBe(2)
    expect(insurer.apiRequests()).toHaveLength(0)
  })
})

describe('token endpoint speaking plain OAuth 2.0 (RFC 6749 §5.2)', () => {
  it('400 { error: invalid_client } is unauthorized', async () => {
    const client = createHttpInsurerClient(settings, {
      fetch: async () => json(400, { error: 'invalid_client' }),
      sleep: async () => {},
    })
    const error = await failure(client.ping())
    expect(error.kind).toBe('unauthorized')
    expect(error.message).not.toContain(settings.clientSecret)
  })
})

describe('logging', () => {
  it('retries are logged by operation and kind, never with the secret, token or payload', async () => {
    const lines: string[] = []
    setLogSink((line) => lines.push(line))
    try {
      const { client } = setup((_, attempt) =>
        attempt < 3 ? problem(503, 'internal', { 'Retry-After': '1' }) : json(200, page),
      )
      await client.listContracts({ cursor: 'c1' })
    } finally {
      setLogSink((line) => process.stderr.write(`${line}\n`))
    }
    expect(lines).toHaveLength(2)
    expect(JSON.parse(lines[0]!)).toMatchObject({
      operation: 'listContracts',
      kind: 'server_error',
    })
    for (const secret of [settings.clientSecret, 'token-1', 'P-1', '見本']) {
      expect(lines.join('\n')).not.toContain(secret)
    }
  })
})
