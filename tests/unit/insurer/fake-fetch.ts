/**
 * A scripted insurer for unit tests: /oauth/token issues numbered tokens, every other path
 * goes to `route`. Records each request so tests can assert what was (not) sent.
 */
export interface Recorded {
  method: string
  path: string
  headers: Headers
  body: string
  signal: AbortSignal
}

export type Route = (request: Recorded, attempt: number) => Response | Promise<Response>

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

export function problem(
  status: number,
  code: string | undefined,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Response {
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      title: `HTTP ${status}`,
      status,
      ...(code ? { code } : {}),
      ...extra,
    }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  )
}

export function networkError(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) })
}

export function fakeInsurer(route: Route, options: { tokenTtlSeconds?: number } = {}) {
  const requests: Recorded[] = []
  let tokens = 0
  const apiAttempts = new Map<string, number>()
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init)
    const url = new URL(request.url)
    const recorded: Recorded = {
      method: request.method,
      path: url.pathname + url.search,
      headers: request.headers,
      body: request.body ? await request.text() : '',
      signal: request.signal,
    }
    requests.push(recorded)
    if (url.pathname === '/oauth/token') {
      tokens++
      return json(200, {
        access_token: `token-${tokens}`,
        token_type: 'Bearer',
        expires_in: options.tokenTtlSeconds ?? 3600,
      })
    }
    const key = `${request.method} ${url.pathname}`
    const attempt = (apiAttempts.get(key) ?? 0) + 1
    apiAttempts.set(key, attempt)
    return route(recorded, attempt)
  }
  return {
    fetch,
    requests,
    apiRequests: () => requests.filter((r) => r.path !== '/oauth/token'),
    tokensIssued: () => tokens,
  }
}
