import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCore, type RunningCore } from '../../../electron/main/core/start-core'
import { startWebHost, TOKEN_HEADER, type RunningWebHost } from '../../../electron/web/server'
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations'
import { tempDir } from '../../support/temp-db'

let dir: ReturnType<typeof tempDir>
let core: RunningCore
let host: RunningWebHost

beforeAll(async () => {
  dir = tempDir()
  const staticDir = dir.file('renderer')
  mkdirSync(staticDir)
  writeFileSync(`${staticDir}/index.html`, '<!doctype html><title>更新デスク</title>')
  core = await startCore({
    databasePath: dir.file('web.sqlite'),
    version: '0.0.0-test',
    seedDemoWhenEmpty: false,
  })
  host = await startWebHost({ handlers: core.handlers, staticDir, port: 0 })
})

afterAll(async () => {
  await host.close()
  await core.close()
  dir.remove()
})

/** Raw HTTP so the test controls every header, Host included. */
function call(
  path: string,
  {
    method = 'POST',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method,
        headers: { host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let data = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (data += chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const withToken = () => ({ [TOKEN_HEADER]: host.token, 'content-type': 'application/json' })

describe('web host', () => {
  it('binds 127.0.0.1 and prints a URL carrying the token in the fragment', () => {
    expect(host.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{32}$`),
    )
  })

  it('serves the contract to a caller with the token', async () => {
    const res = await call('/api/app:info', { headers: withToken(), body: '{}' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({
      ok: true,
      value: { dataSource: 'empty', schemaVersion: LATEST_SCHEMA_VERSION },
    })
  })

  it.each([
    ['no token', {}],
    ['a wrong token', { [TOKEN_HEADER]: 'x'.repeat(32) }],
  ])('answers 401 with %s', async (_label, headers) => {
    const res = await call('/api/app:info', { headers, body: '{}' })
    expect(res.status).toBe(401)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await call('/api/app:info', {
      headers: { ...withToken(), host: 'evil.example' },
      body: '{}',
    })
    expect(res.status).toBe(421)
  })

  it('answers bad JSON and bad input with a clear envelope', async () => {
    const bad = await call('/api/contracts:list', { headers: withToken(), body: '{nope' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const wrong = await call('/api/contracts:list', {
      headers: withToken(),
      body: '{"limit":100000}',
    })
    expect(JSON.parse(wrong.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', path: 'limit' },
    })
    const unknown = await call('/api/contracts:drop', { headers: withToken(), body: '{}' })
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it('only POSTs to the API', async () => {
    expect((await call('/api/app:info', { method: 'GET', headers: withToken() })).status).toBe(405)
  })

  it('serves the renderer with a CSP, and the SPA fallback', async () => {
    const page = await call('/', { method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('更新デスク')
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    expect((await call('/contracts/123', { method: 'GET' })).body).toContain('更新デスク')
  })
})
