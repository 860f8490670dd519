import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Handlers } from '../../common/api/contract'
import { openDatabase, type DatabaseHandle } from '../../../db/connection'
import { migrateToLatest } from '../../../db/migrate'
import { connectInsurers, type InsurerConnections } from './connection/connect-insurers'
import type { ProcessLauncher } from './connection/demo-insurer-process'
import { createHandlers } from './create-handlers'
import { fillEmptyInstall } from './demo/first-start'
import { createMemorySecretStore, type SecretStore } from './insurer/settings'
import { createLogger } from './logger'
import { createInProcessCycleSteps, type CycleSteps } from './scheduler/cycle-steps'
import { createSyncController, type SyncController } from './scheduler/sync-controller'
import { createWorkerCycleSteps } from './sync-worker/worker-cycle-steps'
import { refreshSchedules } from './workspace/schedule-backfill'

const log = createLogger('start-core')

export interface StartCoreOptions {
  databasePath: string
  nativeBinding?: string
  now?: () => Date
  version: string
  /** Give an empty install the demo book (npm start / npm run web on a fresh machine). */
  seedDemoWhenEmpty: boolean
  /** Where insurer client secrets live (safeStorage in Electron; memory in the web host). */
  secrets?: SecretStore
  /** Starts the demo insurer when no real insurer is configured; null = never (tests). */
  demoInsurerLauncher?: ProcessLauncher | null
  /** Sync every 5 minutes by default. */
  syncIntervalMs?: number
  /**
   * The sync worker's script (out/main/sync-worker.js, or its .ts source under tsx): sync and
   * outbox draining then run on their own thread and connection, so the window never waits
   * on them. Without it they run on this thread (CLI, tests, an in-memory database).
   */
  syncWorkerScript?: string
  /**
   * The instant an empty install's demo book (and the demo insurer's simulated clock) starts
   * at; default now. Tests and previews pin it so the demo insurer is not in its nightly
   * closure whenever they happen to run.
   */
  demoBookStartsAt?: number
}

export interface RunningCore {
  handlers: Handlers
  database: DatabaseHandle
  insurers: InsurerConnections
  sync: SyncController
  close(): Promise<void>
}

const NO_INSURERS: InsurerConnections = { connections: [], demo: null, stop: () => {} }

/**
 * Shared by both hosts: open, migrate (before any window loads), fill an empty install,
 * connect to the insurers, start the sync scheduler, build the handlers.
 */
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
    const rescheduled = refreshSchedules(database.sqlite)
    if (rescheduled > 0) log.info('today schedules recomputed', { contracts: rescheduled })
    if (options.seedDemoWhenEmpty) {
      await fillEmptyInstall(database, {
        demoInsurerAvailable: Boolean(options.demoInsurerLauncher),
        now: options.demoBookStartsAt ?? now().getTime(),
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
    return NO_INSURERS
  })
  const sync = createSyncController({
    database,
    insurerIds: insurers.connections.map((c) => c.insurerId),
    now,
    intervalMs: options.syncIntervalMs,
    steps: cycleSteps(options, database, insurers, now),
  })
  await sync.start()
  return {
    database,
    insurers,
    sync,
    handlers: createHandlers({
      database,
      now,
      version: options.version,
      connections: insurers.connections,
      secrets,
      sync,
    }),
    close: async () => {
      await sync.stop()
      insurers.stop()
      await database.close()
    },
  }
}

function cycleSteps(
  options: StartCoreOptions,
  database: DatabaseHandle,
  insurers: InsurerConnections,
  now: () => Date,
): CycleSteps {
  if (options.syncWorkerScript && options.databasePath !== ':memory:') {
    return createWorkerCycleSteps(options.syncWorkerScript, {
      databasePath: options.databasePath,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      targets: insurers.connections.map((c) => ({
        settings: c.settings,
        ...(c.policySeries ? { policySeries: c.policySeries } : {}),
      })),
    })
  }
  return createInProcessCycleSteps({ database, targets: insurers.connections, now })
}
