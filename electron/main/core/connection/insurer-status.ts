import type { InsurerStatus } from '../../../common/api/contract'
import { toJstIso } from '../../../common/domain/japan-time'
import { isInsurerError } from '../insurer/errors'

/** The slice of an insurer adapter the status check needs. */
export interface Pingable {
  ping(): Promise<void>
}

export interface InsurerConnection {
  insurerId: string
  baseUrl: string
  adapter: Pingable
}

type State = InsurerStatus['insurers'][number]['state']

/** Maps a failed ping to what the status bar says, by the insurer client's error kind. */
function stateOf(error: unknown): { state: State; reopensAt: Date | null } {
  if (!isInsurerError(error)) return { state: 'error', reopensAt: null }
  switch (error.kind) {
    case 'site_closed':
      return { state: 'site_closed', reopensAt: error.reopensAt ?? null }
    case 'offline':
    case 'outcome_unknown':
      return { state: 'offline', reopensAt: null }
    case 'busy':
    case 'server_error':
      return { state: 'busy', reopensAt: null }
    case 'unauthorized':
      return { state: 'unauthorized', reopensAt: null }
    default:
      return { state: 'error', reopensAt: null }
  }
}

function endpointOf(baseUrl: string): string | null {
  try {
    return new URL(baseUrl).host
  } catch {
    return null
  }
}

/** Pings every configured insurer (concurrently) and reports each in words the UI can show. */
export async function checkInsurers(
  insurers: ReadonlyArray<{ id: string; name: string; isDemo: boolean }>,
  connections: ReadonlyArray<InsurerConnection>,
  now: () => Date,
): Promise<InsurerStatus> {
  const byId = new Map(connections.map((c) => [c.insurerId, c]))
  const results = await Promise.all(
    insurers.map(async (insurer) => {
      const connection = byId.get(insurer.id)
      const base = { id: insurer.id, name: insurer.name, isDemo: insurer.isDemo }
      if (!connection) {
        return {
          ...base,
          state: 'not_configured' as const,
          checkedAt: null,
          reopensAt: null,
          endpoint: null,
        }
      }
      let state: State = 'connected'
      let reopensAt: Date | null = null
      try {
        await connection.adapter.ping()
      } catch (error) {
        ;({ state, reopensAt } = stateOf(error))
      }
      return {
        ...base,
        state,
        checkedAt: toJstIso(now()),
        reopensAt: reopensAt ? toJstIso(reopensAt) : null,
        endpoint: endpointOf(connection.baseUrl),
      }
    }),
  )
  return { insurers: results }
}
