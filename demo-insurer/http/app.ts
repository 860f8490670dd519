import type { IncomingMessage, ServerResponse } from 'node:http'
import type { InsurerState } from '../state'
import { admin } from './admin'
import { listChanges } from './changes'
import { getContract, listContracts } from './contracts'
import { gate } from './gate'
import { sendProblem } from './problem'
import { getReissue, requestReissue } from './reissues'
import { issueToken } from './token'

const CONTRACT = /^\/v1\/contracts\/([^/]+)$/
const REISSUES = /^\/v1\/contracts\/([^/]+)\/reissues$/
const REISSUE = /^\/v1\/reissues\/([^/]+)$/

/** The request handler: admin endpoints directly, everything else through the gate. */
export function createHandler(state: InsurerState) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(state, req, res).catch(() => {
      // The error itself may carry contract data; the status says enough.
      if (!res.headersSent)
        sendProblem(res, 500, 'internal', 'Unexpected error in the demo insurer.')
      else res.destroy()
    })
  }
}

async function route(
  state: InsurerState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const path = url.pathname
  const method = req.method ?? 'GET'
  if (path.startsWith('/admin/')) return admin(state, method, path, req, res)
  if (path !== '/oauth/token' && !path.startsWith('/v1/')) {
    return sendProblem(res, 404, 'not_found', 'Not an endpoint of the insurer API.')
  }
  const passed = await gate(state, req, res, path)
  if (!passed.pass) return
  if (path === '/oauth/token') {
    if (method !== 'POST') return notAllowed(res, 'POST')
    return issueToken(state, req, res)
  }
  const client = passed.client ?? ''
  if (path === '/v1/contracts') {
    if (method !== 'GET') return notAllowed(res, 'GET')
    return listContracts(state, url.searchParams, res)
  }
  if (path === '/v1/changes') {
    if (method !== 'GET') return notAllowed(res, 'GET')
    return listChanges(state, url.searchParams, res)
  }
  const reissues = REISSUES.exec(path)
  if (reissues?.[1] !== undefined) {
    if (method !== 'POST') return notAllowed(res, 'POST')
    return requestReissue(state, client, param(reissues[1]), req, res)
  }
  const contract = CONTRACT.exec(path)
  if (contract?.[1] !== undefined) {
    if (method !== 'GET') return notAllowed(res, 'GET')
    const ifNoneMatch = req.headers['if-none-match']
    return getContract(state, param(contract[1]), ifNoneMatch, res)
  }
  const reissue = REISSUE.exec(path)
  if (reissue?.[1] !== undefined) {
    if (method !== 'GET') return notAllowed(res, 'GET')
    return getReissue(state, param(reissue[1]), res)
  }
  sendProblem(res, 404, 'not_found', 'Not an endpoint of the insurer API.')
}

function param(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

function notAllowed(res: ServerResponse, allow: string): void {
  sendProblem(res, 405, 'invalid_request', `Use ${allow}.`, { allow })
}
