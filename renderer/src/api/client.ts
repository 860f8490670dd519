import type { Channel } from '../../../electron/common/api/contract'
import { buildNamedApi, type NamedApi } from '../../../electron/common/api/named-api'
import type { ApiError, Result } from '../../../electron/common/api/result'

/** Thrown by the client when a call answers `{ ok: false }`, so TanStack Query sees an error. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
  }
}

export type Api = NamedApi<'value'>

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    renewalDesk?: NamedApi<'result'>
  }
}

export const WEB_TOKEN_HEADER = 'x-renewal-desk-token'
const TOKEN_KEY = 'renewal-desk-token'

/**
 * The web host prints a URL with `#token=…`; keep it for this tab and drop it from the
 * address bar so it is not bookmarked or shared by accident.
 */
function webToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    // Keep a screen route given beside the token (#/today&token=…), drop only the token.
    const route = window.location.hash
      .slice(1)
      .split('&')
      .filter((part) => !part.startsWith('token='))
      .join('&')
    history.replaceState(
      null,
      '',
      window.location.pathname + window.location.search + (route ? `#${route}` : ''),
    )
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

async function unwrap(result: Promise<unknown>): Promise<unknown> {
  const envelope = (await result) as Result<unknown>
  if (envelope.ok) return envelope.value
  throw new ApiCallError(envelope.error)
}

function httpCall(token: string) {
  return async (channel: Channel, input: unknown): Promise<unknown> => {
    let response: Response
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEB_TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      })
    } catch {
      throw new ApiCallError({ code: 'backend_unreachable', message: `${channel}: no answer` })
    }
    // A non-JSON answer (a proxy's error page, a stopped host) is not our backend talking.
    const body: unknown = await response.json().catch(() => null)
    if (body === null || typeof body !== 'object' || !('ok' in body)) {
      throw new ApiCallError({
        code: 'backend_unreachable',
        message: `${channel}: HTTP ${response.status}`,
      })
    }
    return unwrap(Promise.resolve(body))
  }
}

/** The same named API whichever host serves the renderer. */
export function createApi(): Api {
  const bridge = window.renewalDesk
  if (bridge) {
    return buildNamedApi<'value'>((channel, input) => {
      const [area, verb] = channel.split(':') as [string, string]
      const fn = (
        bridge as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
      )[area]?.[verb]
      if (!fn) throw new ApiCallError({ code: 'unknown_method', message: channel })
      return unwrap(fn(input ?? {}))
    })
  }
  return buildNamedApi<'value'>(httpCall(webToken()))
}
