import createClient from 'openapi-fetch'
import type { InsurerAdapter, InsurerConnectionSettings } from './adapter'
import { type BreakerOptions, createCallPipeline, DEFAULT_BREAKER } from './call-pipeline'
import { errorFromResponse, issuePath, parsePayload } from './classify'
import { InsurerError } from './errors'
import type { paths } from './generated/insurer-api'
import { defaultSleep, type Sleep } from './retry-loop'
import { type BackoffOptions, DEFAULT_BACKOFF } from './retry-policy'
import { createTokenManager, type IssuedToken } from './token-manager'
import { ChangePage, Contract, ContractPage, Reissue, ReissueRequest, Token } from './wire'

export interface HttpInsurerClientDeps {
  fetch?: typeof fetch
  now?: () => number
  sleep?: Sleep
  random?: () => number
  backoff?: BackoffOptions
  breaker?: BreakerOptions
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_MAX_ATTEMPTS = 5
export const DEFAULT_MAX_ELAPSED_MS = 90_000

/** The Renewal Desk insurer API (resources/insurer-api/openapi.yaml) over HTTP. */
export function createHttpInsurerClient(
  settings: InsurerConnectionSettings,
  deps: HttpInsurerClientDeps = {},
): InsurerAdapter {
  const now = deps.now ?? Date.now
  // Resolved per request, so a fetch patched after construction (tests, proxies) is used.
  const baseFetch = deps.fetch ?? ((input: Request) => globalThis.fetch(input))
  const client = createClient<paths>({ baseUrl: settings.baseUrl, fetch: baseFetch })

  const requestToken = (): Promise<IssuedToken> =>
    // A token grant changes nothing at the insurer, so a timeout is plain 'offline'.
    pipeline.exchange('issueToken', 'GET', async (signal) => {
      const { data, error, response } = await client.POST('/oauth/token', {
        body: {
          grant_type: 'client_credentials',
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
        },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        signal,
      })
      if (!response.ok) {
        const failure = errorFromResponse('issueToken', response, error, now())
        // The stored credentials are wrong, not the network. Also read RFC 6749 §5.2's own
        // error body ({ "error": "invalid_client" }), which a real OAuth server sends.
        if (failure.kind === 'rejected' && isInvalidClient(failure.problem?.code, error)) {
          throw new InsurerError('unauthorized', {
            operation: 'issueToken',
            status: response.status,
            problem: failure.problem,
          })
        }
        throw failure
      }
      const token = parsePayload('issueToken', Token, data, response.status)
      return { accessToken: token.access_token, expiresInSeconds: token.expires_in }
    })

  const tokens = createTokenManager({ requestToken, now })
  const pipeline = createCallPipeline({
    insurerId: settings.insurerId,
    tokens,
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    maxElapsedMs: settings.maxElapsedMs ?? DEFAULT_MAX_ELAPSED_MS,
    backoff: deps.backoff ?? DEFAULT_BACKOFF,
    breaker: deps.breaker ?? DEFAULT_BREAKER,
    now,
    sleep: deps.sleep ?? defaultSleep,
    random: deps.random ?? Math.random,
  })
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` })

  return {
    listContracts: (page) =>
      pipeline.call(
        { operation: 'listContracts', method: 'GET', hasIdempotencyKey: false },
        async (token, signal) => {
          const { data, error, response } = await client.GET('/v1/contracts', {
            params: { query: pageQuery(page) },
            headers: auth(token),
            signal,
          })
          if (!response.ok) throw errorFromResponse('listContracts', response, error, now())
          return parsePayload('listContracts', ContractPage, data, response.status)
        },
      ),

    getContract: (policyNumber, etag) =>
      pipeline.call(
        { operation: 'getContract', method: 'GET', hasIdempotencyKey: false },
        async (token, signal) => {
          const { data, error, response } = await client.GET('/v1/contracts/{policyNumber}', {
            params: {
              path: { policyNumber },
              ...(etag === undefined ? {} : { header: { 'If-None-Match': etag } }),
            },
            headers: auth(token),
            signal,
          })
          if (response.status === 304) return { notModified: true as const }
          if (!response.ok) throw errorFromResponse('getContract', response, error, now())
          const contract = parsePayload('getContract', Contract, data, response.status)
          const tag = response.headers.get('ETag')
          if (!tag) {
            throw new InsurerError('invalid_response', {
              operation: 'getContract',
              status: response.status,
              path: ['headers', 'ETag'],
            })
          }
          return { contract, etag: tag }
        },
      ),

    listChanges: (page) =>
      pipeline.call(
        { operation: 'listChanges', method: 'GET', hasIdempotencyKey: false },
        async (token, signal) => {
          const { data, error, response } = await client.GET('/v1/changes', {
            params: { query: pageQuery(page) },
            headers: auth(token),
            signal,
          })
          if (!response.ok) throw errorFromResponse('listChanges', response, error, now())
          return parsePayload('listChanges', ChangePage, data, response.status)
        },
      ),

    requestReissue: async (policyNumber, request, idempotencyKey) => {
      // A bug, not a runtime condition: without the key a retry could reissue twice.
      if (typeof idempotencyKey !== 'string' || idempotencyKey.trim() === '') {
        throw new TypeError('requestReissue: an idempotency key is required for every POST')
      }
      if (idempotencyKey.length > 255) {
        throw new TypeError('requestReissue: the idempotency key is longer than 255 characters')
      }
      const body = ReissueRequest.safeParse(request)
      if (!body.success) {
        // Refused before sending; the path says which field, the value is not repeated.
        throw new InsurerError('rejected', {
          operation: 'requestReissue',
          path: issuePath(body.error.issues[0]?.path ?? []),
          problem: { status: 400, code: 'invalid_request', title: 'Invalid reissue request' },
        })
      }
      return pipeline.call(
        { operation: 'requestReissue', method: 'POST', hasIdempotencyKey: true },
        async (token, signal) => {
          const { data, error, response } = await client.POST(
            '/v1/contracts/{policyNumber}/reissues',
            {
              params: { path: { policyNumber }, header: { 'Idempotency-Key': idempotencyKey } },
              body: body.data,
              headers: auth(token),
              signal,
            },
          )
          if (!response.ok) throw errorFromResponse('requestReissue', response, error, now())
          return parsePayload('requestReissue', Reissue, data, response.status)
        },
      )
    },

    getReissue: (id) =>
      pipeline.call(
        { operation: 'getReissue', method: 'GET', hasIdempotencyKey: false },
        async (token, signal) => {
          const { data, error, response } = await client.GET('/v1/reissues/{id}', {
            params: { path: { id } },
            headers: auth(token),
            signal,
          })
          if (!response.ok) throw errorFromResponse('getReissue', response, error, now())
          return parsePayload('getReissue', Reissue, data, response.status)
        },
      ),

    ping: async () => {
      // Always on the wire (a cached token proves nothing), once, no retries: the status bar
      // polls again anyway, and it must not sit behind an open circuit breaker.
      await tokens.refresh()
    },
  }
}

function pageQuery(page: { cursor?: string; limit?: number }): { cursor?: string; limit?: number } {
  return {
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
    ...(page.limit === undefined ? {} : { limit: page.limit }),
  }
}

function isInvalidClient(code: string | undefined, body: unknown): boolean {
  const oauthError = typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : null
  return code === 'invalid_client' || oauthError === 'invalid_client'
}
