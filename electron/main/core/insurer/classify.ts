import type { z } from 'zod'
import { InsurerError, type InsurerProblem } from './errors'
import { type HttpMethod, parseRetryAfter } from './retry-policy'
import { PROBLEM_CODES, Problem } from './wire'

/**
 * Turns what came back (or what went wrong on the way) into one InsurerError kind.
 * The table, by HTTP status: 401 unauthorized · 404 not_found · 410 cursor_expired ·
 * 409 idempotency_key_in_progress busy · other 4xx rejected · 429 busy ·
 * 503 site_closed → site_closed · other 5xx server_error.
 */
export function errorFromResponse(
  operation: string,
  response: Pick<Response, 'status' | 'statusText' | 'headers'>,
  body: unknown,
  now: number,
): InsurerError {
  const status = response.status
  const problem = readProblem(status, response.statusText, body)
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now)
  const common = { operation, status, problem }
  if (status === 401) return new InsurerError('unauthorized', common)
  if (status === 404) return new InsurerError('not_found', common)
  if (status === 410) return new InsurerError('cursor_expired', common)
  // The first request with this key is still running: nothing was refused, so wait and ask again.
  if (status === 409 && problem.code === 'idempotency_key_in_progress') {
    return new InsurerError('busy', { ...common, ...ifDefined(retryAfterMs) })
  }
  if (status === 429) return new InsurerError('busy', { ...common, ...ifDefined(retryAfterMs) })
  if (status === 503 && problem.code === 'site_closed') {
    return new InsurerError('site_closed', {
      ...common,
      ...(retryAfterMs === undefined ? {} : { reopensAt: new Date(now + retryAfterMs) }),
      ...ifDefined(retryAfterMs),
    })
  }
  if (status >= 500)
    return new InsurerError('server_error', { ...common, ...ifDefined(retryAfterMs) })
  if (status >= 400) return new InsurerError('rejected', common)
  // 1xx/3xx the operation does not expect: the insurer broke the contract.
  return new InsurerError('invalid_response', { ...common, path: ['status'] })
}

function ifDefined(retryAfterMs: number | undefined): { retryAfterMs?: number } {
  return retryAfterMs === undefined ? {} : { retryAfterMs }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(PROBLEM_CODES)

/**
 * Error bodies are read leniently: a proxy's HTML 502 or a problem with a code we don't know
 * yet is still an error of the right kind, not an invalid_response.
 */
function readProblem(status: number, statusText: string, body: unknown): InsurerProblem {
  const strict = Problem.safeParse(body)
  if (strict.success) {
    const { title, detail, code } = strict.data
    return { status, title, ...(code ? { code } : {}), ...(detail ? { detail } : {}) }
  }
  const loose = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const code = typeof loose.code === 'string' && KNOWN_CODES.has(loose.code) ? loose.code : null
  const title = typeof loose.title === 'string' ? loose.title : statusText || `HTTP ${status}`
  const detail = typeof loose.detail === 'string' ? loose.detail : null
  return { status, title, ...(code ? { code } : {}), ...(detail ? { detail } : {}) }
}

/** Connection never made: a POST cannot have reached the insurer. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

/**
 * A thrown fetch: timeouts, refused connections, dropped sockets, unparseable JSON.
 * For a POST anything past connecting may have reached the insurer, so it is
 * outcome_unknown (retry with the same key), not offline.
 */
export function errorFromException(
  operation: string,
  method: HttpMethod,
  error: unknown,
  timedOut: boolean,
): InsurerError {
  if (error instanceof InsurerError) return error
  if (error instanceof SyntaxError) {
    // JSON.parse failed on a success body; its message may quote the payload, so drop it.
    return new InsurerError('invalid_response', { operation, path: [] })
  }
  const notSent = !timedOut && NOT_SENT_CODES.has(errorCode(error) ?? '')
  const kind = method === 'POST' && !notSent ? 'outcome_unknown' : 'offline'
  return new InsurerError(kind, { operation, cause: error })
}

function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

/** Validates a success payload; a mismatch names the operation and path, never the values. */
export function parsePayload<S extends z.ZodType>(
  operation: string,
  schema: S,
  data: unknown,
  status: number,
): z.infer<S> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  throw new InsurerError('invalid_response', {
    operation,
    status,
    path: issuePath(result.error.issues[0]?.path ?? []),
  })
}

/** zod paths may hold symbols; ours are plain keys and indexes. */
export function issuePath(path: ReadonlyArray<PropertyKey>): Array<string | number> {
  return path.map((key) => (typeof key === 'number' ? key : String(key)))
}
