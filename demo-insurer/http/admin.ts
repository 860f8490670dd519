import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { toJstIso } from '../../electron/common/domain/japan-time'
import { SEED_RULE_SET, siteStatus } from '../../electron/common/domain/insurer-rules'
import { DemoInsurerOptionError } from '../faults'
import type { InsurerState } from '../state'
import { readBody, sendJson } from './io'
import { sendProblem } from './problem'

const MAX_ADVANCE_MS = 400 * 86_400_000

/**
 * /admin/* — the demo's control panel on the same loopback port. Deliberately NOT part of
 * the insurer API document: a real insurer has no such thing. Every call needs the
 * per-run admin token in x-demo-admin-token; faults never apply here.
 */
export async function admin(
  state: InsurerState,
  method: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!tokenMatches(req.headers['x-demo-admin-token'], state.adminToken)) {
    return sendProblem(res, 401, 'unauthorized', 'x-demo-admin-token is missing or wrong.')
  }
  if (method === 'GET' && path === '/admin/state') return sendJson(res, 200, adminState(state))
  if (method !== 'POST' || (path !== '/admin/faults' && path !== '/admin/clock')) {
    return sendProblem(
      res,
      404,
      'not_found',
      'Admin endpoints: POST /admin/faults, POST /admin/clock, GET /admin/state.',
    )
  }
  const body = await readJsonObject(req)
  if (body === null) return sendProblem(res, 400, 'invalid_request', 'Send a JSON object.')
  try {
    if (path === '/admin/faults') {
      state.setFaults(body)
      return sendJson(res, 200, { faults: state.faults() })
    }
    const { advanceMs, speed } = body
    if (advanceMs !== undefined) {
      if (typeof advanceMs !== 'number' || !(advanceMs >= 0 && advanceMs <= MAX_ADVANCE_MS)) {
        throw new DemoInsurerOptionError(
          'advanceMs',
          `advanceMs must be a number from 0 to ${MAX_ADVANCE_MS}`,
        )
      }
      state.clock.advance(advanceMs)
    }
    if (speed !== undefined) {
      if (typeof speed !== 'number' || !(speed >= 0 && speed <= 1_000_000)) {
        throw new DemoInsurerOptionError('speed', 'speed must be a number from 0 to 1000000')
      }
      state.clock.setSpeed(speed)
    }
    return sendJson(res, 200, clockState(state))
  } catch (error) {
    if (error instanceof DemoInsurerOptionError)
      return sendProblem(res, 400, 'invalid_request', error.message)
    throw error
  }
}

/** Counts only — no contract data, so it is safe to print and to log. */
export function adminState(state: InsurerState) {
  const reissues = { accepted: 0, completed: 0, failed: 0 }
  for (const r of state.reissues.all()) reissues[r.status] += 1
  return {
    clock: clockState(state),
    contracts: { total: state.order.size, changed: state.store.changedCount },
    feed: {
      firstSeq: state.feed.firstSeq,
      lastSeq: state.feed.lastSeq,
      retained: state.feed.retained,
    },
    events: Object.fromEntries([...state.feed.eventCounts].sort(([a], [b]) => a.localeCompare(b))),
    reissues,
    idempotencyKeys: state.idempotency.size,
    activeTokens: state.tokens.activeCount,
    pendingTasks: state.sim.pendingTasks,
    faults: state.faults(),
  }
}

function clockState(state: InsurerState) {
  const now = state.clock.now()
  return {
    now: toJstIso(now),
    nowMs: now,
    speed: state.clock.speed,
    siteOpen: siteStatus(new Date(now), SEED_RULE_SET).open,
  }
}

async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const text = await readBody(req)
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
