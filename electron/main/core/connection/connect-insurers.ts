import type { Kysely } from 'kysely'
import { DEMO_INSURERS } from '../../../../demo-data/reference'
import type { Database } from '../../../../db/schema'
import { listInsurers, ruleSetOf, type InsurerRow } from '../../../../db/queries/insurers'
import { DEMO_BOOK_SETTING, type DemoBook } from '../demo/seed-demo'
import type { InsurerAdapter, InsurerConnectionSettings } from '../insurer/adapter'
import { createHttpInsurerClient } from '../insurer/http-client'
import { loadConnectionSettings, type SecretStore } from '../insurer/settings'
import { createLogger } from '../logger'
import { acceptPolicySeries } from '../sync-worker/protocol'
import { launchDemoInsurer, type ProcessLauncher } from './demo-insurer-process'
import type { InsurerConnection } from './insurer-status'

const log = createLogger('connect-insurers')

export interface ConnectedInsurer extends InsurerConnection {
  adapter: InsurerAdapter
  /** What the adapter was built from: the sync worker builds its own client from it. */
  settings: InsurerConnectionSettings
  /** The demo insurer's policy series: one endpoint serves both demo insurer rows. */
  policySeries?: string
  acceptPolicy?: (policyNumber: string) => boolean
}

export interface InsurerConnections {
  connections: ConnectedInsurer[]
  /** Set when the app started the demo insurer itself (no real insurer configured). */
  demo: { url: string; adminToken: string } | null
  stop(): void
}

async function demoBook(db: Kysely<Database>): Promise<DemoBook | null> {
  const row = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', DEMO_BOOK_SETTING)
    .executeTakeFirst()
  return row ? (JSON.parse(row.value) as DemoBook) : null
}

function isConfigured(row: InsurerRow): boolean {
  return row.is_demo === 0 && row.api_base_url !== null && row.api_client_id !== null
}

/**
 * One adapter per insurer the app can reach. Real insurers come from the database (URL,
 * client id) and the OS secret store (client secret). With none configured, the host's
 * launcher starts the demo insurer on a free loopback port with the same demo book the
 * local cache holds, and every demo insurer row connects to it.
 */
export async function connectInsurers(deps: {
  db: Kysely<Database>
  secrets: SecretStore
  launcher: ProcessLauncher | null
}): Promise<InsurerConnections> {
  const insurers = await listInsurers(deps.db)
  const configured = insurers.filter(isConfigured)
  const connections: ConnectedInsurer[] = []
  for (const row of configured) {
    try {
      const settings = await loadConnectionSettings(
        {
          insurerId: row.id,
          name: row.name,
          baseUrl: row.api_base_url ?? '',
          clientId: row.api_client_id ?? '',
          rules: ruleSetOf(row),
        },
        deps.secrets,
      )
      connections.push({
        insurerId: row.id,
        baseUrl: settings.baseUrl,
        settings,
        adapter: createHttpInsurerClient(settings),
      })
    } catch (error) {
      log.warn('insurer not connected', {
        insurerId: row.id,
        error: error instanceof Error ? error.name : 'unknown',
      })
    }
  }
  if (configured.length > 0 || !deps.launcher) return { connections, demo: null, stop: () => {} }

  const book = await demoBook(deps.db)
  const demo = await launchDemoInsurer(deps.launcher, {
    contracts: book?.contracts ?? 3000,
    seed: book?.seed ?? 1,
    startAt: book?.now ?? Date.now(),
  })
  for (const row of insurers.filter((i) => i.is_demo === 1)) {
    const settings = {
      insurerId: row.id,
      baseUrl: demo.url,
      clientId: demo.clientId,
      clientSecret: demo.clientSecret,
    }
    // One demo endpoint serves both demo insurers; each keeps its own policy series.
    const series = DEMO_INSURERS.find((d) => d.id === row.id)?.policySeries
    connections.push({
      insurerId: row.id,
      baseUrl: demo.url,
      settings,
      adapter: createHttpInsurerClient(settings),
      ...(series ? { policySeries: series, acceptPolicy: acceptPolicySeries(series) } : {}),
    })
  }
  return { connections, demo: { url: demo.url, adminToken: demo.adminToken }, stop: demo.stop }
}
