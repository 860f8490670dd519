import type { ServerResponse } from 'node:http'
import { decodeCursor, encodeCursor } from '../feed/cursor'
import type { InsurerState } from '../state'
import { sendEmpty, sendJson } from './io'
import { parseLimit } from './paging'
import { sendProblem } from './problem'

/**
 * GET /v1/contracts — snapshot pages in policy-number order. A page reads the current
 * state of each contract; the first page's changesCursor marks where the feed stood, so a
 * client that reads the feed from there after the last page misses nothing.
 */
export function listContracts(
  state: InsurerState,
  query: URLSearchParams,
  res: ServerResponse,
): void {
  const limit = parseLimit(query.get('limit'))
  if (limit === null)
    return sendProblem(res, 400, 'invalid_request', 'limit must be an integer from 1 to 1000.')
  const cursorText = query.get('cursor')
  const { order, store, run } = state
  let position = 0
  if (cursorText !== null) {
    const cursor = decodeCursor(cursorText)
    if (
      cursor === null ||
      cursor.kind !== 'contracts' ||
      cursor.run !== run ||
      cursor.position > order.size
    ) {
      return sendProblem(res, 400, 'invalid_request', 'Unknown cursor: start again without one.')
    }
    position = cursor.position
  }
  const end = Math.min(order.size, position + limit)
  const items = []
  for (let p = position; p < end; p++) items.push(store.wire(order.order[p] ?? 0))
  const nextCursor =
    end < order.size ? encodeCursor({ kind: 'contracts', run, position: end }) : null
  const first =
    cursorText === null
      ? {
          changesCursor: encodeCursor({ kind: 'changes', run, seq: state.feed.lastSeq }),
          total: order.size,
        }
      : {}
  sendJson(res, 200, { items, nextCursor, ...first })
}

/** GET /v1/contracts/{policyNumber} — with an ETag from the version, and 304. */
export function getContract(
  state: InsurerState,
  policyNumber: string,
  ifNoneMatch: string | undefined,
  res: ServerResponse,
): void {
  const index = state.order.indexOf(policyNumber)
  if (index === null)
    return sendProblem(res, 404, 'not_found', 'No contract with this policy number.')
  const contract = state.store.wire(index)
  const etag = `"${contract.policyNumber}-v${contract.version}"`
  if (ifNoneMatch !== undefined && matches(ifNoneMatch, etag)) return sendEmpty(res, 304, { etag })
  sendJson(res, 200, contract, { etag })
}

/** If-None-Match: '*' or a list of tags, weak or strong (weak comparison, RFC 9110 §13.1.2). */
function matches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
