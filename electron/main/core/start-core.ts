import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Handlers } from '../../common/api/contract'
import { openDatabase, type DatabaseHandle } from '../../../db/connection'
import { migrateToLatest } from '../../../db/migrate'
import { countLiveContracts } from '../../../db/queries/contracts'
import { connectInsurers, type InsurerConnections } from './connection/connect-insurers'
import type { ProcessLauncher } from './connection/demo-insurer-process'
import { createMemorySecretStore, type SecretStore } from './insurer/settings'
import { createHandlers } from './create-handlers'
import { seedDemoBook } from './demo/seed-demo'
import { createLogger } from './logger'

const log = createLogger('start-core')

/** A new user's first start shows a working app on this many generated contracts. */
export const FIRST_START_DEMO_CONTRACTS = 3000
export const FIRST_START_DEMO_SEED = 20261123

export interface StartCoreOptions {
  databasePath: string
  nativeBinding?: string
  now?: () => Date
  version: string
  /** Fill an empty database with the demo book (npm start / npm run web on a fresh machine). */
  seedDemoWhenEmpty: boolean
  /** Where insurer client secrets live (safeStorage in Electron; memory in the web host). */
  secrets?: SecretStore
  /** Starts the demo insurer when no real insurer is configured; null = never (tests). */
  demoInsurerLauncher?: ProcessLauncher | null
}

export interface RunningCore {
  handlers: Handlers
  database: DatabaseHandle
  insurers: InsurerConnections
  close(): Promise<void>
}

/** Shared by both hosts: open, migrate (before any window loads), seed if new, build the core. */
export async function startCore(options: StartCoreOptions): Promise<RunningCore> {
  if (options.databasePath !== ':memory:')
    mkdirSync(dirname(options.databasePath), { recursive: true })
  const now = options.now ?? (() => new Date())
  const database = openDatabase({
    path: options.databasePath,
    nativeBinding: options.nativeBinding,
  })
  try {
    const version = await migrateToLatest(database.db)
    log.info('database ready', { schemaVersion: version })
    if (options.seedDemoWhenEmpty && (await countLiveContracts(database.db)) === 0) {
      log.info('empty database: generating the demo book', {
        contracts: FIRST_START_DEMO_CONTRACTS,
      })
      await seedDemoBook(database, {
        contracts: FIRST_START_DEMO_CONTRACTS,
        seed: FIRST_START_DEMO_SEED,
        now: now().getTime(),
      })
    }
  } catch (error) {
    await database.close()
    throw error
  }
  const secrets = options.secrets ?? createMemorySecretStore()
  const insurers = await connectInsurers({
    db: database.db,
    secrets,
    launcher: options.demoInsurerLauncher ?? null,
  }).catch((error: unknown) => {
    // The app works from the local cache without any insurer: say so, don't refuse to start.
    log.warn('no insurer connection', { error: error instanceof Error ? error.name : 'unknown' })
    return { connections: [], demo: null, stop: () => {} } satisfies InsurerConnections
  })
  return {
    database,
    insurers,
    handlers: createHandlers({
      db: database.db,
      now,
      version: options.version,
      connections: insurers.connections,
      secrets,
    }),
    close: async () => {
      insurers.stop()
      await database.close()
    },
  }
}
