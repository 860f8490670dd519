import type { IncomingMessage, ServerResponse } from 'node:http'
import { SEED_RULE_SET, siteStatus } from '../../electron/common/domain/insurer-rules'
import type { InsurerState } from '../state'
import { sleep } from './io'
import { retryAfter, sendProblem } from './problem'

export type GateResult = { pass: true; client: string | null } | { pass: false }

/**
 * What stands between a request and its handler, in the order a real insurer's edge would
 * apply it: a dropped connection, latency, the rate limit, the site's closed hours (only
 * /v1 — the token endpoint stays up), random server errors, then the bearer token.
 */
export async function gate(
  state: InsurerState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<GateResult> {
  const faults = state.faults()
  if (faults.dropRate > 0 && Math.random() < faults.dropRate) {
    req.socket.destroy()
    return { pass: false }
  }
  if (faults.latencyMs > 0) await sleep(faults.latencyMs)
  const client = state.tokens.verify(req.headers.authorization)
  if (faults.rateLimitPerSecond !== null) {
    const key = client ?? `addr:${req.socket.remoteAddress ?? '?'}`
    const wait = state.limiter.take(key, faults.rateLimitPerSecond)
    if (wait !== null) {
      sendProblem(
        res,
        429,
        'rate_limited',
        'Too many requests; retry after the given time.',
        retryAfter(wait),
      )
      return { pass: false }
    }
  }
  const api = path.startsWith('/v1/')
  if (api) {
    const closedFor = closedSeconds(state)
    if (faults.forcedClosure || closedFor !== null) {
      sendProblem(
        res,
        503,
        'site_closed',
        'The insurer site is closed (04:00–06:00 JST); retry after the given time.',
        retryAfter(closedFor ?? 60),
      )
      return { pass: false }
    }
  }
  if (faults.errorRate > 0 && Math.random() < faults.errorRate) {
    // 502 is not in the API document; 500 and 503 are, on every operation.
    if (api && Math.random() < 0.5) sendProblem(res, 500, 'internal', 'Injected server error.')
    else
      sendProblem(
        res,
        503,
        'internal',
        'Injected outage; retry shortly.',
        retryAfter(1 + Math.floor(Math.random() * 3)),
      )
    return { pass: false }
  }
  if (api && client === null) {
    sendProblem(
      res,
      401,
      'unauthorized',
      'A valid bearer token is required; get one at /oauth/token.',
      {
        'www-authenticate': 'Bearer error="invalid_token"',
      },
    )
    return { pass: false }
  }
  return { pass: true, client }
}

/**
 * Real seconds until the site reopens, or null when open. Retry-After is for the client's
 * real clock, so simulated seconds are divided by the clock's speed (frozen: as is).
 */
function closedSeconds(state: InsurerState): number | null {
  const now = state.clock.now()
  const status = siteStatus(new Date(now), SEED_RULE_SET)
  if (status.open) return null
  const simulated = (status.reopensAt.getTime() - now) / 1000
  const speed = state.clock.speed
  return speed > 0 ? simulated / speed : simulated
}
