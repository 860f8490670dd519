import { describe, expect, it } from 'vitest'
import { InsurerError } from '../../../electron/main/core/insurer/errors'
import { createTokenManager } from '../../../electron/main/core/insurer/token-manager'

function harness(expiresInSeconds = 3600) {
  let clock = Date.parse('2026-11-23T10:00:00+09:00')
  let issued = 0
  const pending: Array<() => void> = []
  let manual = false
  const manager = createTokenManager({
    now: () => clock,
    requestToken: () => {
      issued++
      const token = { accessToken: `t${issued}`, expiresInSeconds }
      if (!manual) return Promise.resolve(token)
      return new Promise((resolve) => pending.push(() => resolve(token)))
    },
  })
  return {
    manager,
    issued: () => issued,
    advance: (ms: number) => {
      clock += ms
    },
    hold: () => {
      manual = true
    },
    releaseAll: () => pending.splice(0).forEach((release) => release()),
  }
}

const unauthorized = () => new InsurerError('unauthorized', { operation: 'test', status: 401 })

describe('token manager', () => {
  it('shares one token request among concurrent callers (single flight)', async () => {
    const h = harness()
    h.hold()
    const all = Promise.all(Array.from({ length: 20 }, () => h.manager.token()))
    await Promise.resolve()
    expect(h.issued()).toBe(1)
    h.releaseAll()
    expect(new Set(await all)).toEqual(new Set(['t1']))
    expect(h.issued()).toBe(1)
  })

  it('reuses the token until shortly before it expires, then fetches a new one', async () => {
    const h = harness(3600)
    expect(await h.manager.token()).toBe('t1')
    h.advance(3600_000 - 31_000)
    expect(await h.manager.token()).toBe('t1')
    h.advance(2_000) // now inside the 30 s margin
    expect(await h.manager.token()).toBe('t2')
  })

  it('a 1-second token is refreshed within its 10% margin', async () => {
    const h = harness(1)
    expect(await h.manager.token()).toBe('t1')
    h.advance(899)
    expect(await h.manager.token()).toBe('t1')
    h.advance(1)
    expect(await h.manager.token()).toBe('t2')
  })

  it('on 401: invalidates, fetches a new token once and retries the call once', async () => {
    const h = harness()
    const seen: string[] = []
    const result = await h.manager.withToken(async (token) => {
      seen.push(token)
      if (token === 't1') throw unauthorized()
      return 'done'
    })
    expect(result).toBe('done')
    expect(seen).toEqual(['t1', 't2'])
    expect(h.issued()).toBe(2)
  })

  it('a second 401 is final: unauthorized, no third attempt', async () => {
    const h = harness()
    let calls = 0
    const error = await h.manager
      .withToken(async () => {
        calls++
        throw unauthorized()
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InsurerError)
    expect((error as InsurerError).kind).toBe('unauthorized')
    expect(calls).toBe(2)
    expect(h.issued()).toBe(2)
  })

  it('concurrent 401s on the same token lead to one refresh, not a stampede', async () => {
    const h = harness()
    await h.manager.token()
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.manager.withToken(async (token) => {
          if (token === 't1') throw unauthorized()
          return token
        }),
      ),
    )
    expect(new Set(results)).toEqual(new Set(['t2']))
    expect(h.issued()).toBe(2)
  })

  it('other errors pass through without touching the token', async () => {
    const h = harness()
    const busy = new InsurerError('busy', { operation: 'test' })
    await expect(h.manager.withToken(async () => Promise.reject(busy))).rejects.toBe(busy)
    expect(await h.manager.token()).toBe('t1')
    expect(h.issued()).toBe(1)
  })

  it('a failed token request is shared by its waiters and not cached', async () => {
    let calls = 0
    const manager = createTokenManager({
      now: () => 0,
      requestToken: async () => {
        calls++
        if (calls === 1) throw new InsurerError('offline', { operation: 'issueToken' })
        return { accessToken: 'ok', expiresInSeconds: 60 }
      },
    })
    const both = await Promise.allSettled([manager.token(), manager.token()])
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(calls).toBe(1)
    expect(await manager.token()).toBe('ok')
  })

  it('refresh() always asks the insurer', async () => {
    const h = harness()
    await h.manager.token()
    expect(await h.manager.refresh()).toBe('t2')
    expect(await h.manager.token()).toBe('t2')
  })
})
