import type { IncomingMessage, ServerResponse } from 'node:http'
import { canonicalJson } from '../idempotency'
import { reissueToWire } from '../reissues'
import type { InsurerState } from '../state'
import { mediaType, readBody, sendJson, sleep } from './io'
import { sendProblem } from './problem'
import { parseReissueRequest } from './reissue-request'

/**
 * POST /v1/contracts/{policyNumber}/reissues. The request is checked, then its
 * Idempotency-Key claimed (fingerprint: target + canonical body), then processed after a
 * short real delay — long enough that a concurrent duplicate meets "in progress".
 */
export async function requestReissue(
  state: InsurerState,
  client: string,
  policyNumber: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const key = req.headers['idempotency-key']
  if (typeof key !== 'string' || key.length === 0) {
    return sendProblem(res, 400, 'idempotency_key_missing', 'Send an Idempotency-Key header.')
  }
  if (key.length > 255)
    return sendProblem(res, 400, 'invalid_request', 'Idempotency-Key is longer than 255.')
  if (mediaType(req) !== 'application/json') {
    return sendProblem(res, 400, 'invalid_request', 'Send application/json.')
  }
  const text = await readBody(req)
  if (text === null) return sendProblem(res, 400, 'invalid_request', 'The body is too large.')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return sendProblem(res, 400, 'invalid_request', 'The body is not JSON.')
  }
  const parsed = parseReissueRequest(value)
  if (!parsed.ok) return sendProblem(res, parsed.status, parsed.code, parsed.detail)

  const fingerprint = canonicalJson({ target: `POST ${policyNumber}`, body: value })
  const check = state.idempotency.claim(client, key, fingerprint, state.clock.now())
  if (check.kind === 'reused') {
    return sendProblem(
      res,
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was used with another request.',
    )
  }
  if (check.kind === 'in_progress') {
    return sendProblem(
      res,
      409,
      'idempotency_key_in_progress',
      'A request with this Idempotency-Key is still being processed.',
    )
  }
  if (check.kind === 'replay')
    return sendJson(res, check.response.status, check.response.body, location(check.response.body))

  try {
    await sleep(state.reissueProcessingMs)
    const index = state.order.indexOf(policyNumber)
    if (index === null) {
      state.idempotency.release(client, key)
      return sendProblem(res, 404, 'not_found', 'No contract with this policy number.')
    }
    const { request } = parsed
    if (request.correctedEmail === undefined && state.store.peek(index).client.email === null) {
      state.idempotency.release(client, key)
      return sendProblem(
        res,
        422,
        'reissue_not_allowed',
        'No email address on file: send correctedEmail.',
      )
    }
    const record = state.reissues.create({
      index,
      policyNumber,
      kind: request.kind,
      acceptedAt: state.clock.now(),
      idempotencyKey: key,
      correctedEmail: request.correctedEmail ?? null,
    })
    state.sim.accept(record)
    const body = reissueToWire(record)
    state.idempotency.complete(client, key, { status: 202, body })
    sendJson(res, 202, body, location(body))
  } catch (error) {
    state.idempotency.release(client, key)
    throw error
  }
}

function location(body: unknown): Record<string, string> {
  const id = (body as { id?: unknown }).id
  return typeof id === 'string' ? { location: `/v1/reissues/${encodeURIComponent(id)}` } : {}
}

/** GET /v1/reissues/{id}. */
export function getReissue(state: InsurerState, id: string, res: ServerResponse): void {
  const record = state.reissues.get(id)
  if (!record) return sendProblem(res, 404, 'not_found', 'No reissue with this id.')
  sendJson(res, 200, reissueToWire(record))
}
