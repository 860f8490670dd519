import type { SyncStatus } from '../../../common/api/contract'
import { toJstIso } from '../../../common/domain/japan-time'
import type { DatabaseHandle } from '../../../../db/connection'
import { isInsurerError } from '../insurer/errors'
import { createLogger } from '../logger'
import type { CycleProgress, CycleSteps } from './cycle-steps'
import { createSyncScheduler, type CycleOutcome, type SyncScheduler } from './sync-scheduler'

const log = createLogger('sync-controller')

export interface SyncController {
  start(): Promise<void>
  runNow(): void
  status(): Promise<SyncStatus>
  /** Staff's choice of the automatic interval: stored, and applied without a restart. */
  configure(intervalMinutes: number): Promise<SyncStatus>
  /** Stops scheduling and frees the steps (the sync worker). */
  stop(): Promise<void>
}

/** Worst outcome across insurers decides when the next cycle runs. */
function worst(a: CycleOutcome, b: CycleOutcome): CycleOutcome {
  const rank = { ok: 0, site_closed: 1, failed: 2, offline: 3 } as const
  return rank[b.kind] > rank[a.kind] ? b : a
}

function outcomeOf(error: unknown): CycleOutcome {
  if (isInsurerError(error)) {
    if (error.kind === 'site_closed' && error.reopensAt)
      return { kind: 'site_closed', reopensAt: error.reopensAt }
    if (error.kind === 'offline' || error.kind === 'outcome_unknown') return { kind: 'offline' }
  }
  return { kind: 'failed' }
}

/** One word for the UI: running beats the last outcome; before any cycle, the stored state. */
function statusState(s: {
  running: boolean
  hasTargets: boolean
  lastOutcome: CycleOutcome | null
  everySynced: boolean
}): SyncStatus['state'] {
  if (s.running) return 'syncing'
  if (!s.hasTargets || !s.lastOutcome) return s.everySynced ? 'idle' : 'never'
  const byOutcome = {
    ok: 'idle',
    site_closed: 'site_closed',
    offline: 'offline',
    failed: 'error',
  } as const
  return byOutcome[s.lastOutcome.kind]
}

/**
 * Coordinates the outbox and the sync engine on a schedule: drain first (a staff action
 * should not wait behind a long sync), then sync each insurer. Failures are recorded by the
 * sync engine in sync_state; here they only decide when to try again.
 */
export function createSyncController(deps: {
  database: DatabaseHandle
  /** The insurers this app syncs, in order. */
  insurerIds: ReadonlyArray<string>
  steps: CycleSteps
  now: () => Date
  /** A fixed interval (tests, benchmarks); otherwise the stored setting, else 5 minutes. */
  intervalMs?: number
}): SyncController {
  let progress: CycleProgress | null = null

  const runCycle = async (): Promise<CycleOutcome> => {
    let outcome: CycleOutcome = { kind: 'ok' }
    try {
      await deps.steps.drainOutbox()
    } catch (error) {
      log.warn('outbox drain failed', { error: error instanceof Error ? error.name : 'unknown' })
    }
    for (const insurerId of deps.insurerIds) {
      try {
        await deps.steps.syncInsurer(insurerId, (p) => (progress = p))
      } catch (error) {
        outcome = worst(outcome, outcomeOf(error))
      } finally {
        progress = null
      }
    }
    return outcome
  }

  const scheduler: SyncScheduler = createSyncScheduler({
    runCycle,
    now: deps.now,
    intervalMs: deps.intervalMs,
  })

  const controller: SyncController = {
    async start() {
      if (deps.intervalMs === undefined) {
        const stored = await readIntervalMinutes(deps.database)
        if (stored !== null) scheduler.setIntervalMs(stored * 60_000)
      }
      await deps.steps.recover()
      if (deps.insurerIds.length > 0) scheduler.start()
    },
    runNow: () => void scheduler.runNow(),
    async configure(intervalMinutes) {
      await deps.database.db
        .insertInto('app_settings')
        .values({ key: SYNC_INTERVAL_SETTING, value: String(intervalMinutes) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(intervalMinutes) }))
        .execute()
      scheduler.setIntervalMs(intervalMinutes * 60_000)
      return controller.status()
    },
    stop: async () => {
      scheduler.stop()
      await deps.steps.close()
    },
    async status() {
      const { db } = deps.database
      const rows = await db.selectFrom('sync_state').selectAll().execute()
      const pending = await db
        .selectFrom('reissue_outbox')
        .where('state', 'in', ['queued', 'sending', 'outcome_unknown'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      const { running, nextRunAt, lastOutcome, intervalMs } = scheduler.state()
      const successes = rows.map((r) => r.last_success_at)
      const everySynced = rows.length > 0 && successes.every((s) => s !== null)
      const failing = rows.find((r) => r.last_error_code !== null)
      const state = statusState({
        running,
        hasTargets: deps.insurerIds.length > 0,
        lastOutcome,
        everySynced,
      })
      return {
        state,
        phase: running ? (progress?.phase ?? null) : null,
        progress:
          running && progress
            ? { done: progress.done, total: progress.total, etaMs: progress.etaMs }
            : null,
        lastSuccessAt: everySynced ? toJstIso(Math.min(...successes.map(Number))) : null,
        nextRunAt: nextRunAt ? toJstIso(nextRunAt) : null,
        reopensAt: lastOutcome?.kind === 'site_closed' ? toJstIso(lastOutcome.reopensAt) : null,
        pendingOutbox: Number(pending.n),
        lastErrorCode: state === 'idle' ? null : (failing?.last_error_code ?? null),
        lastErrorMessage: state === 'idle' ? null : (failing?.last_error_message ?? null),
        intervalMinutes: Math.round(intervalMs / 60_000),
      }
    },
  }
  return controller
}

/** app_settings key of the automatic sync interval, in minutes. */
export const SYNC_INTERVAL_SETTING = 'sync_interval_minutes'

async function readIntervalMinutes(database: DatabaseHandle): Promise<number | null> {
  const row = await database.db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', SYNC_INTERVAL_SETTING)
    .executeTakeFirst()
  const minutes = row ? Number(row.value) : NaN
  // A hand-edited or corrupt value falls back to the default rather than stopping sync.
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= 24 * 60 ? minutes : null
}
