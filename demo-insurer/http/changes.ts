import type { ServerResponse } from 'node:http'
import { decodeCursor, encodeCursor } from '../feed/cursor'
import type { InsurerState } from '../state'
import { sendJson } from './io'
import { parseLimit } from './paging'
import { sendProblem } from './problem'

/** GET /v1/changes — the feed after a cursor; 410 once the cursor fell out of retention. */
export function listChanges(
  state: InsurerState,
  query: URLSearchParams,
  res: ServerResponse,
): void {
  const limit = parseLimit(query.get('limit'))
  if (limit === null)
    return sendProblem(res, 400, 'invalid_request', 'limit must be an integer from 1 to 1000.')
  const cursorText = query.get('cursor')
  let after: number | null = null
  if (cursorText !== null) {
    const cursor = decodeCursor(cursorText)
    if (cursor === null || cursor.kind !== 'changes') {
      return sendProblem(
        res,
        400,
        'invalid_request',
        'Malformed cursor: send back exactly what you were given.',
      )
    }
    // A cursor from an earlier run of the demo insurer: its feed is gone, like a pruned one.
    if (cursor.run !== state.run) return expired(res)
    after = cursor.seq
  }
  const read = state.feed.read(after, limit)
  if (!read.ok) {
    if (read.reason === 'expired') return expired(res)
    return sendProblem(res, 400, 'invalid_request', 'The cursor points past the end of the feed.')
  }
  sendJson(res, 200, {
    items: read.items,
    nextCursor: encodeCursor({ kind: 'changes', run: state.run, seq: read.lastSeq }),
    hasMore: read.hasMore,
  })
}

function expired(res: ServerResponse): void {
  sendProblem(
    res,
    410,
    'cursor_expired',
    'The feed no longer reaches back to this cursor: resync from /v1/contracts.',
  )
}
