import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import type { Handlers } from '../common/api/contract'
import { fail, type Result } from '../common/api/result'
import { dispatch } from '../main/core/api/dispatch'
import { CONTENT_SECURITY_POLICY } from '../main/shell/security'

/** Same header name as renderer/src/api/client.ts. */
export const TOKEN_HEADER = 'x-renewal-desk-token'
const MAX_BODY_BYTES = 1024 * 1024
const LOOPBACK = '127.0.0.1'

export interface WebHostOptions {
  handlers: Handlers
  /** The built renderer (out/renderer). */
  staticDir: string
  /** 0 picks a free port. */
  port: number
  /** Random per run unless a test pins it. */
  token?: string
}

export interface RunningWebHost {
  /** What to open: carries the token in the fragment, which browsers never send to servers. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

function tokensMatch(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The second host for the core: the built renderer plus the contract over HTTP, bound to
 * 127.0.0.1 only. Calls need the per-run token in a custom header, which a page from
 * another origin can neither read nor send (the CORS preflight is never answered), and the
 * Host header must be ours, which defeats DNS rebinding.
 */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = options.token ?? newToken()
  const assets = sirv(options.staticDir, { single: true, dev: false, etag: true })
  let allowedHosts: Set<string> = new Set()

  const server = createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    res.setHeader('x-frame-options', 'DENY')
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421).end('Misdirected request')
      return
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path.startsWith('/api/')) {
      void handleApi(req, res, path.slice('/api/'.length))
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY)
    assets(req, res, () => {
      res.writeHead(404).end('Not found')
    })
  })

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
  ): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end()
      return
    }
    if (!tokensMatch(req.headers[TOKEN_HEADER], token)) {
      sendJson(res, 401, fail({ code: 'unauthorized', message: 'Missing or wrong access token.' }))
      return
    }
    const body = await readBody(req)
    if (body === null) {
      sendJson(res, 413, fail({ code: 'invalid_input', message: `${channel}: request too large.` }))
      return
    }
    let input: unknown
    try {
      input = body.length === 0 ? {} : JSON.parse(body)
    } catch {
      sendJson(res, 400, fail({ code: 'invalid_input', message: `${channel}: body is not JSON.` }))
      return
    }
    sendJson(res, 200, await dispatch(options.handlers, decodeURIComponent(channel), input))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, LOOPBACK, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`])
  return {
    url: `http://${LOOPBACK}:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
