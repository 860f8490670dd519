import { STATUS_CODES, type ServerResponse } from 'node:http'
import type { ProblemCode } from '../api-types'
import { sendJson, type Headers } from './io'

/**
 * Every non-2xx answer is application/problem+json (RFC 9457). type stays about:blank
 * (so title is the status phrase, as the RFC asks); `code` is what clients branch on.
 */
export function sendProblem(
  res: ServerResponse,
  status: number,
  code: ProblemCode,
  detail: string,
  headers: Headers = {},
): void {
  sendJson(
    res,
    status,
    { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, code, detail },
    headers,
    'application/problem+json',
  )
}

/** 429 and 503 carry Retry-After in whole seconds. */
export function retryAfter(seconds: number): Headers {
  return { 'retry-after': String(Math.max(1, Math.ceil(seconds))) }
}
