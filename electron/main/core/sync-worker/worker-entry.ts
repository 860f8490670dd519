import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../../../../db/connection'
import { createHttpInsurerClient } from '../insurer/http-client'
import { createLogger } from '../logger'
import { createInProcessCycleSteps } from '../scheduler/cycle-steps'
import type { SyncSummary } from '../sync/sync-insurer'
import {
  acceptPolicySeries,
  serializeError,
  type SyncWorkerData,
  type SyncWorkerMessage,
  type SyncWorkerRequest,
} from './protocol'

/**
 * The sync worker thread: the same cycle steps as in-process, on its own connection, so
 * parsing insurer pages and writing them never blocks the main thread's event loop (the
 * window). SQLite's WAL lets the main thread keep reading while this thread writes.
 */
const log = createLogger('sync-worker')
const port = parentPort
if (!port) throw new Error('sync worker: must run as a worker thread')
const data = workerData as SyncWorkerData

const database = openDatabase({
  path: data.databasePath,
  optimizeOnOpen: false,
  ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
})
const quitting = new AbortController()
const inFlight = new Set<Promise<unknown>>()
const steps = createInProcessCycleSteps({
  database,
  signal: quitting.signal,
  now: () => new Date(),
  ...(data.maxRowsPerTransaction ? { maxRowsPerTransaction: data.maxRowsPerTransaction } : {}),
  targets: data.targets.map((t) => ({
    insurerId: t.settings.insurerId,
    adapter: createHttpInsurerClient(t.settings),
    ...(t.policySeries ? { acceptPolicy: acceptPolicySeries(t.policySeries) } : {}),
  })),
})

const send = (message: SyncWorkerMessage) => port.postMessage(message)

async function handle(request: SyncWorkerRequest): Promise<SyncSummary | void> {
  switch (request.op) {
    case 'recover':
      return steps.recover()
    case 'drain':
      return steps.drainOutbox()
    case 'sync':
      return steps.syncInsurer(request.insurerId, (progress) =>
        send({ type: 'progress', id: request.id, progress }),
      )
    case 'close':
      // Let a running step reach its next page boundary, so nothing is cut mid-transaction.
      quitting.abort()
      await Promise.allSettled([...inFlight])
      await database.close()
      return
  }
}

port.on('message', (request: SyncWorkerRequest) => {
  const work = handle(request)
  if (request.op !== 'close') {
    inFlight.add(work)
    void work.catch(() => {}).finally(() => inFlight.delete(work))
  }
  work.then(
    (summary) => send({ type: 'done', id: request.id, ...(summary ? { summary } : {}) }),
    (error: unknown) => {
      log.warn('sync worker step failed', {
        op: request.op,
        error: error instanceof Error ? error.name : 'unknown',
      })
      send({ type: 'failed', id: request.id, error: serializeError(error) })
    },
  )
})
