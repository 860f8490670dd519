import type { IncomingMessage, ServerResponse } from 'node:http'
import type { InsurerState } from '../state'
import { mediaType, readBody, sendJson } from './io'
import { sendProblem } from './problem'

/** POST /oauth/token — client credentials grant, form-encoded as RFC 6749 asks. */
export async function issueToken(
  state: InsurerState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    return sendProblem(res, 400, 'invalid_request', 'Send application/x-www-form-urlencoded.')
  }
  const text = await readBody(req)
  if (text === null) return sendProblem(res, 400, 'invalid_request', 'The body is too large.')
  const form = new URLSearchParams(text)
  if (form.get('grant_type') !== 'client_credentials') {
    return sendProblem(res, 400, 'invalid_request', 'grant_type must be client_credentials.')
  }
  const clientId = form.get('client_id')
  const clientSecret = form.get('client_secret')
  if (
    clientId === null ||
    clientSecret === null ||
    !state.tokens.checkClient(clientId, clientSecret)
  ) {
    return sendProblem(res, 401, 'invalid_client', 'Unknown client or wrong secret.', {
      'www-authenticate': 'Basic realm="insurer"',
    })
  }
  const { token, expiresIn } = state.tokens.issue(state.faults().tokenTtlSeconds)
  sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn })
}
