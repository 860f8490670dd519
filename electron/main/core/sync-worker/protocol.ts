import type { InsurerConnectionSettings } from '../insurer/adapter'
import { InsurerError, isInsurerError, type InsurerErrorKind } from '../insurer/errors'
import type { CycleProgress } from '../scheduler/cycle-steps'
import type { SyncSummary } from '../sync/sync-insurer'

/**
 * Messages between the app's main thread and the sync worker thread. Both ends are this
 * codebase in one process, so plain typed objects (structured clone) — no validation layer.
 */

/** An insurer as the worker needs it: settings to build its own client (secrets stay in memory). */
export interface WorkerSyncTarget {
  settings: InsurerConnectionSettings
  /** The demo insurer's policy series, when one endpoint serves several insurer rows. */
  policySeries?: string
}

export interface SyncWorkerData {
  databasePath: string
  nativeBinding?: string
  targets: WorkerSyncTarget[]
  maxRowsPerTransaction?: number
}

export type SyncWorkerRequest =
  | { id: number; op: 'recover' }
  | { id: number; op: 'drain' }
  | { id: number; op: 'sync'; insurerId: string }
  | { id: number; op: 'close' }

export type SerializedError =
  | {
      insurer: true
      kind: InsurerErrorKind
      operation: string
      reopensAtMs?: number
      retryAfterMs?: number
    }
  | { insurer: false; name: string }

export type SyncWorkerMessage =
  | { type: 'done'; id: number; summary?: SyncSummary }
  | { type: 'failed'; id: number; error: SerializedError }
  | { type: 'progress'; id: number; progress: CycleProgress }

/**
 * Insurer errors cross the thread boundary with what the scheduler decides on (kind, when
 * the site reopens); other errors with their class name only — their text could quote a row.
 */
export function serializeError(error: unknown): SerializedError {
  if (isInsurerError(error)) {
    return {
      insurer: true,
      kind: error.kind,
      operation: error.operation,
      ...(error.reopensAt ? { reopensAtMs: error.reopensAt.getTime() } : {}),
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    }
  }
  return { insurer: false, name: error instanceof Error ? error.name : 'unknown' }
}

export function deserializeError(error: SerializedError): Error {
  if (!error.insurer) {
    const plain = new Error(`sync worker: ${error.name}`)
    plain.name = error.name
    return plain
  }
  return new InsurerError(error.kind, {
    operation: error.operation,
    ...(error.reopensAtMs === undefined ? {} : { reopensAt: new Date(error.reopensAtMs) }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  })
}

/** Which policies an insurer row keeps when the endpoint serves several (the demo insurer). */
export function acceptPolicySeries(series: string): (policyNumber: string) => boolean {
  return (policyNumber) => policyNumber.startsWith(series)
}
