import { afterEach, describe, expect, it } from 'vitest'
import {
  type Faults,
  type RunningDemoInsurer,
  startDemoInsurer,
} from '../../../demo-insurer/server'
import type { InsurerAdapter } from '../../../electron/main/core/insurer/adapter'
import { InsurerError } from '../../../electron/main/core/insurer/errors'
import {
  createHttpInsurerClient,
  type HttpInsurerClientDeps,
} from '../../../electron/main/core/insurer/http-client'
import type { Contract } from '../../../electron/main/core/insurer/wire'
import { type OpenApiViolation, validatingFetch } from '../../support/openapi-validator'

/**
 * The client against the real demo insurer over loopback, one fault at a time. Waits are
 * scaled down (×0.01) so the suite stays fast; their order and relative length are kept.
 * Where the insurer's own clock matters (its rate limiter), the wait is real.
 */
const START_AT = Date.parse('2026-11-23T10:00:00+09:00')
const CONTRACTS = 1000

// Every response is checked against openapi.yaml. Violations are collected rather than
// thrown: a throw inside fetch would look like a network failure and be retried away.
const violations: OpenApiViolation[] = []
const checkedFetch = validatingFetch((input, init) => fetch(input, init), {
  onViolation: (v) => violations.push(v),
})

const running: RunningDemoInsurer[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()))
  expect(violations.splice(0).map((v) => v.message)).toEqual([])
})

async function insurer(faults: Partial<Faults> = {}): Promise<RunningDemoInsurer> {
  const server = await startDemoInsurer({
    port: 0,
    contracts: CONTRACTS,
    seed: 1,
    startAt: START_AT,
    speed: 0,
    faults,
  })
  running.push(server)
  return server
}

const scaledSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms * 0.01))

function clientFor(
  server: RunningDemoInsurer,
  options: { timeoutMs?: number; maxAttempts?: number } = {},
  deps: HttpInsurerClientDeps = {},
): InsurerAdapter {
  return createHttpInsurerClient(
    {
      insurerId: 'demo',
      baseUrl: server.url,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      timeoutMs: options.timeoutMs ?? 5_000,
      maxAttempts: options.maxAttempts ?? 10,
    },
    {
      fetch: checkedFetch,
      sleep: scaledSleep,
      // Above maxAttempts, so chance runs of injected errors cannot trip it mid-test.
      breaker: { threshold: 20, halfOpenAfterMs: 100 },
      ...deps,
    },
  )
}

async function pageAll(client: InsurerAdapter, limit: number) {
  const contracts: Contract[] = []
  let cursor: string | undefined
  let changesCursor: string | undefined
  const maxPages = Math.ceil(CONTRACTS / limit) + 2
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await client.listContracts({ ...(cursor ? { cursor } : {}), limit })
    if (pages === 0) changesCursor = page.changesCursor
    contracts.push(...page.items)
    if (page.nextCursor === null) return { contracts, changesCursor }
    cursor = page.nextCursor
  }
  throw new Error('paging did not end')
}

function expectWholeSnapshot(server: RunningDemoInsurer, contracts: Contract[]) {
  const truth = [...server.snapshot()]
  expect(contracts.map((c) => c.policyNumber)).toEqual(truth.map((c) => c.policyNumber))
  expect(contracts).toEqual(truth)
}

async function failure(promise: Promise<unknown>): Promise<InsurerError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InsurerError)
  return error as InsurerError
}

describe('insurer client × demo insurer', () => {
  it('pages the whole snapshot, then reads the change feed and a contract by ETag', async () => {
    const server = await insurer()
    const client = clientFor(server)
    const { contracts, changesCursor } = await pageAll(client, 250)
    expectWholeSnapshot(server, contracts)
    expect(changesCursor).toEqual(expect.any(String))

    const feed = await client.listChanges({
      ...(changesCursor ? { cursor: changesCursor } : {}),
      limit: 100,
    })
    expect(typeof feed.hasMore).toBe('boolean')

    const first = contracts[0]!
    const fresh = await client.getContract(first.policyNumber)
    if (!('etag' in fresh)) throw new Error('expected a contract')
    expect(fresh.contract.policyNumber).toBe(first.policyNumber)
    await expect(client.getContract(first.policyNumber, fresh.etag)).resolves.toEqual({
      notModified: true,
    })
    expect((await failure(client.getContract('NO-SUCH-POLICY'))).kind).toBe('not_found')
  })

  it('with 30% server errors, still pages the whole snapshot correctly', async () => {
    const server = await insurer({ errorRate: 0.3 })
    const { contracts } = await pageAll(clientFor(server, { maxAttempts: 12 }), 100)
    expectWholeSnapshot(server, contracts)
  })

  it('with dropped connections, retries the GETs and completes', async () => {
    const server = await insurer({ dropRate: 0.25 })
    const { contracts } = await pageAll(clientFor(server, { maxAttempts: 12 }), 100)
    expectWholeSnapshot(server, contracts)
  })

  it('under a rate limit, completes and waits at least what Retry-After asked', async () => {
    const server = await insurer({ rateLimitPerSecond: 10 })
    const waits: number[] = []
    const client = clientFor(
      server,
      {},
      {
        // Real waits here: the insurer's token bucket refills on the real clock.
        sleep: (ms) => {
          waits.push(ms)
          return new Promise((resolve) => setTimeout(resolve, Math.min(ms, 1_500)))
        },
      },
    )
    const { contracts } = await pageAll(client, 50)
    expectWholeSnapshot(server, contracts)
    expect(waits.length).toBeGreaterThan(0)
    for (const w of waits) expect(w).toBeGreaterThanOrEqual(1_000)
  })

  it('latency above the timeout ends in offline', async () => {
    const server = await insurer({ latencyMs: 400 })
    const client = clientFor(server, { timeoutMs: 100, maxAttempts: 2 })
    expect((await failure(client.listContracts({ limit: 10 }))).kind).toBe('offline')
  })

  it('a forced closure is site_closed with reopensAt, not retried', async () => {
    const server = await insurer({ forcedClosure: true })
    const before = Date.now()
    const error = await failure(clientFor(server).listChanges({}))
    expect(error.kind).toBe('site_closed')
    expect(error.reopensAt).toBeInstanceOf(Date)
    expect(error.reopensAt!.getTime()).toBeGreaterThanOrEqual(before + 1_000)
  })

  it('1-second tokens are renewed transparently (ahead of expiry, and on a 401)', async () => {
    const server = await insurer({ tokenTtlSeconds: 1 })
    const started = Date.now()
    const cases = [
      // Our clock is right: the token is replaced before it expires, no 401 is ever seen.
      { now: () => Date.now(), tokens: 2, unauthorized: 0 },
      // Our clock runs 10× slow, so we think the token is still fresh: the insurer's 401
      // is what tells us it died, and the client refreshes once and carries on.
      { now: () => started + (Date.now() - started) / 10, tokens: 2, unauthorized: 1 },
    ]
    for (const expected of cases) {
      const seen = { tokens: 0, unauthorized: 0 }
      const client = clientFor(
        server,
        {},
        {
          now: expected.now,
          fetch: async (input, init) => {
            const response = await checkedFetch(input, init)
            if (input instanceof Request && input.url.endsWith('/oauth/token')) seen.tokens++
            if (response.status === 401) seen.unauthorized++
            return response
          },
        },
      )
      await client.listContracts({ limit: 10 })
      await new Promise((resolve) => setTimeout(resolve, 1_100))
      await expect(client.listContracts({ limit: 10 })).resolves.toMatchObject({
        items: expect.any(Array),
      })
      expect(seen).toEqual({ tokens: expected.tokens, unauthorized: expected.unauthorized })
    }
  })

  it('wrong credentials are unauthorized', async () => {
    const server = await insurer()
    const client = createHttpInsurerClient({
      insurerId: 'demo',
      baseUrl: server.url,
      clientId: server.clientId,
      clientSecret: 'wrong',
    })
    expect((await failure(client.ping())).kind).toBe('unauthorized')
    await expect(clientFor(server).ping()).resolves.toBeUndefined()
  })

  describe('reissues are accepted exactly once', () => {
    it('through dropped connections, retried with the same key', async () => {
      const server = await insurer({ dropRate: 0.5 })
      let posts = 0
      const client = clientFor(
        server,
        { maxAttempts: 20 },
        {
          fetch: (input, init) => {
            if (input instanceof Request && input.method === 'POST' && input.url.includes('/v1/'))
              posts++
            return checkedFetch(input, init)
          },
        },
      )
      const targets = [...server.snapshot()].slice(0, 12)
      for (const [i, target] of targets.entries()) {
        const reissue = await client.requestReissue(
          target.policyNumber,
          { kind: 'password' },
          `outbox-row-${i}`,
        )
        expect(reissue.policyNumber).toBe(target.policyNumber)
      }
      expect(posts).toBeGreaterThan(targets.length) // some were dropped and sent again
      for (const i of targets.keys()) {
        const key = `outbox-row-${i}`
        expect(server.acceptedReissues().filter((r) => r.idempotencyKey === key)).toHaveLength(1)
      }
    })

    it('after a timeout whose request did reach the insurer', async () => {
      const server = await insurer()
      const [target] = server.snapshot()
      const key = 'outbox-row-timeout'
      const attempts: string[] = []
      const client = clientFor(
        server,
        { timeoutMs: 150 },
        {
          sleep: async (ms) => {
            attempts.push('retry')
            // The first attempt has timed out; the insurer gets it anyway, then answers fast.
            server.setFaults({ latencyMs: 0 })
            await scaledSleep(ms)
          },
        },
      )
      await client.ping() // the token first, so the timeout hits the POST itself
      server.setFaults({ latencyMs: 300 })
      const reissue = await client.requestReissue(target!.policyNumber, { kind: 'id_mail' }, key)
      expect(attempts.length).toBeGreaterThan(0)
      const accepted = server.acceptedReissues().filter((r) => r.idempotencyKey === key)
      expect(accepted).toHaveLength(1)
      expect(accepted[0]?.id).toBe(reissue.id)

      // The outbox sending it again later (say, after a restart) gets the same reissue back.
      const again = await clientFor(server).requestReissue(
        target!.policyNumber,
        { kind: 'id_mail' },
        key,
      )
      expect(again.id).toBe(reissue.id)
      expect(server.acceptedReissues().filter((r) => r.idempotencyKey === key)).toHaveLength(1)
      await expect(clientFor(server).getReissue(reissue.id)).resolves.toMatchObject({
        id: reissue.id,
      })
    })
  })
})
