import type { SyncStatus } from '../../../common/api/contract'
import { toJstIso } from '../../../common/domain/japan-time'
import type { DatabaseHandle } from '../../../../db/connection'
import type { InsurerAdapter } from '../insurer/adapter'
import { isInsurerError } from '../insurer/errors'
import { createLogger } from '../logger'
import { createSyncScheduler, type CycleOutcome, type SyncScheduler } from './sync-scheduler'

const log = createLogger('sync-controller')

export interface SyncTarget {
  insurerId: string
  adapter: InsurerAdapter
  /** When one endpoint serves several insurer rows (the demo insurer): which contracts are ours. */
  acceptPolicy?: (policyNumber: string) => boolean
}

export interface SyncProgress {
  phase: 'snapshot' | 'changes'
  done: number
  total: number | null
  etaMs: number | null
}

/** The steps of one cycle, injected so the controller stays a thin coordinator. */
export interface CycleSteps {
  /** Once at start: finish what a crash interrupted (e.g. outbox rows left 'sending'). */
  recover(): Promise<void>
  drainOutbox(adapterFor: (insurerId: string) => InsurerAdapter | undefined): Promise<void>
  syncInsurer(target: SyncTarget, onProgress: (progress: SyncProgress) => void): Promise<void>
}

export interface SyncController {
  start(): Promise<void>
  runNow(): void
  status(): Promise<SyncStatus>
  stop(): void
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
  targets: ReadonlyArray<SyncTarget>
  steps: CycleSteps
  now: () => Date
  intervalMs?: number
}): SyncController {
  let progress: SyncProgress | null = null
  const byId = new Map(deps.targets.map((t) => [t.insurerId, t.adapter]))

  const runCycle = async (): Promise<CycleOutcome> => {
    let outcome: CycleOutcome = { kind: 'ok' }
    try {
      await deps.steps.drainOutbox((id) => byId.get(id))
    } catch (error) {
      log.warn('outbox drain failed', { error: error instanceof Error ? error.name : 'unknown' })
    }
    for (const target of deps.targets) {
      try {
        await deps.steps.syncInsurer(target, (p) => (progress = p))
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

  return {
    async start() {
      await deps.steps.recover()
      if (deps.targets.length > 0) scheduler.start()
    },
    runNow: () => void scheduler.runNow(),
    stop: () => scheduler.stop(),
    async status() {
      const { db } = deps.database
      const rows = await db.selectFrom('sync_state').selectAll().execute()
      const pending = await db
        .selectFrom('reissue_outbox')
        .where('state', 'in', ['queued', 'sending', 'outcome_unknown'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      const { running, nextRunAt, lastOutcome } = scheduler.state()
      const successes = rows.map((r) => r.last_success_at)
      const everySynced = rows.length > 0 && successes.every((s) => s !== null)
      const failing = rows.find((r) => r.last_error_code !== null)
      const state = statusState({
        running,
        hasTargets: deps.targets.length > 0,
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
      }
    },
  }
}
