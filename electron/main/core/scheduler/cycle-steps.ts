import type { DatabaseHandle } from '../../../../db/connection'
import type { InsurerAdapter } from '../insurer/adapter'
import { drainOutbox } from '../outbox/drain-outbox'
import { recoverOutbox } from '../outbox/recover-outbox'
import { reconcileAcceptedReissues } from '../outbox/settle-reissue'
import { syncInsurer, type SyncSummary } from '../sync/sync-insurer'
import type { SyncProgress } from '../sync/sync-run'

export interface SyncTarget {
  insurerId: string
  adapter: InsurerAdapter
  /** When one endpoint serves several insurer rows (the demo insurer): which contracts are ours. */
  acceptPolicy?: (policyNumber: string) => boolean
}

export type CycleProgress = Pick<SyncProgress, 'phase' | 'done' | 'total' | 'etaMs'>

/**
 * The steps of one sync cycle. The controller only schedules them; where they run — on the
 * caller's thread (CLI, tests) or in the sync worker thread (the app) — is the host's choice.
 */
export interface CycleSteps {
  /** Once at start: finish what a crash interrupted (e.g. outbox rows left 'sending'). */
  recover(): Promise<void>
  drainOutbox(): Promise<void>
  syncInsurer(
    insurerId: string,
    onProgress: (progress: CycleProgress) => void,
  ): Promise<SyncSummary>
  /** Frees what the steps hold (the worker thread and its connection). */
  close(): Promise<void>
}

/** The steps on this thread, with this connection. */
export function createInProcessCycleSteps(deps: {
  database: DatabaseHandle
  targets: ReadonlyArray<SyncTarget>
  now: () => Date
  /** Rows per sync write transaction; see DEFAULT_ROWS_PER_TRANSACTION. */
  maxRowsPerTransaction?: number
  /** Quit: a running sync stops between pages, keeping what it committed. */
  signal?: AbortSignal
}): CycleSteps {
  const { database, now } = deps
  const byId = new Map(deps.targets.map((t) => [t.insurerId, t]))
  const adapterFor = (id: string) => byId.get(id)?.adapter
  const nowMs = () => now().getTime()
  return {
    recover: async () => void (await recoverOutbox(database, nowMs())),
    drainOutbox: async () => {
      await drainOutbox({ database, adapterFor, now: nowMs })
      // A completion event can arrive before the drain stored the remote id (lost answer,
      // later resend): ask the insurer about accepted rows that have waited long.
      await reconcileAcceptedReissues({ database, adapterFor, now: nowMs })
    },
    syncInsurer: async (insurerId, onProgress) => {
      const target = byId.get(insurerId)
      if (!target) throw new Error(`no sync target for insurer ${insurerId}`)
      return syncInsurer({
        database,
        insurerId,
        adapter: target.adapter,
        now,
        onProgress,
        ...(deps.signal ? { signal: deps.signal } : {}),
        ...(deps.maxRowsPerTransaction
          ? { maxRowsPerTransaction: deps.maxRowsPerTransaction }
          : {}),
        ...(target.acceptPolicy ? { acceptPolicy: target.acceptPolicy } : {}),
      })
    },
    close: async () => {},
  }
}
