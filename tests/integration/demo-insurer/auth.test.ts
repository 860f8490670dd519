import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningDemoInsurer } from '../../../demo-insurer/server'
import { Api, startTestInsurer } from './harness'

describe('demo insurer: OAuth client credentials and bearer tokens', () => {
  let insurer: RunningDemoInsurer
  let api: Api
  beforeAll(async () => {
    insurer = await startTestInsurer({ contracts: 100 })
    api = new Api(insurer)
  })
  afterAll(() => insurer.close())

  it('binds loopback only and issues a bearer token with expires_in', async () => {
    expect(insurer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await api.issueToken()
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 })
  })

  it('answers 401 invalid_client for a wrong secret or an unknown client', async () => {
    for (const [id, secret] of [
      [insurer.clientId, 'wrong'],
      ['someone-else', insurer.clientSecret],
    ] as const) {
      const res = await api.issueToken(id, secret)
      expect(res.status).toBe(401)
      expect(res.body).toMatchObject({ code: 'invalid_client', status: 401 })
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
  })

  it('answers 400 invalid_request for another grant type or a JSON body', async () => {
    const wrongGrant = await api.call('POST', '/oauth/token', {
      auth: false,
      rawBody: 'grant_type=password&client_id=a&client_secret=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(wrongGrant).toMatchObject({ status: 400, body: { code: 'invalid_request' } })
    const json = await api.call('POST', '/oauth/token', {
      auth: false,
      json: { grant_type: 'client_credentials' },
    })
    expect(json).toMatchObject({ status: 400, body: { code: 'invalid_request' } })
  })

  it('answers 401 unauthorized without a bearer or with a made-up one', async () => {
    const missing = await api.call('GET', '/v1/contracts', { auth: false })
    expect(missing).toMatchObject({ status: 401, body: { code: 'unauthorized' } })
    const madeUp = await api.call('GET', '/v1/changes', {
      auth: false,
      headers: { authorization: 'Bearer not-a-token' },
    })
    expect(madeUp).toMatchObject({ status: 401, body: { code: 'unauthorized' } })
  })

  it('lets a token expire after tokenTtlSeconds (real time)', async () => {
    insurer.setFaults({ tokenTtlSeconds: 1 })
    const issued = await api.issueToken()
    expect(issued.body.expires_in).toBe(1)
    const headers = { authorization: `Bearer ${String(issued.body.access_token)}` }
    expect((await api.call('GET', '/v1/contracts?limit=1', { auth: false, headers })).status).toBe(
      200,
    )
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const expired = await api.call('GET', '/v1/contracts?limit=1', { auth: false, headers })
    expect(expired).toMatchObject({ status: 401, body: { code: 'unauthorized' } })
    insurer.setFaults({ tokenTtlSeconds: 3600 })
  })
})
