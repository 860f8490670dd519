import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { CycleProgress, CycleSteps } from '../scheduler/cycle-steps'
import type { SyncSummary } from '../sync/sync-insurer'
import { createLogger } from '../logger'
import {
  deserializeError,
  type SyncWorkerData,
  type SyncWorkerMessage,
  type SyncWorkerRequest,
} from './protocol'

const log = createLogger('sync-worker-client')

/** How long quitting waits for the worker to finish its page and close its connection. */
const CLOSE_TIMEOUT_MS = 10_000

type Pending = {
  resolve(summary: SyncSummary | undefined): void
  reject(error: Error): void
  onProgress?: (progress: CycleProgress) => void
}

// Distributive, so each request variant keeps its own fields once the id is taken off.
type RequestBody = SyncWorkerRequest extends infer R
  ? R extends SyncWorkerRequest
    ? Omit<R, 'id'>
    : never
  : never

/**
 * The built script runs as it is. A .ts source (tests, benchmarks; never the app) is loaded
 * through tsx, registered inside the worker: Node 20 ignores --import in a worker's execArgv.
 */
function startWorker(script: string, data: SyncWorkerData): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, { workerData: data })
  const tsx = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs')
  const bootstrap =
    `import(${JSON.stringify(pathToFileURL(tsx).href)})` +
    `.then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(script).href)}) })`
  return new Worker(bootstrap, { eval: true, workerData: data })
}

/**
 * The cycle steps run by the sync worker thread (worker-entry.ts). `script` is the built
 * out/main/sync-worker.js in the app; a .ts source runs through tsx (tests, benchmarks).
 */
export function createWorkerCycleSteps(script: string, data: SyncWorkerData): CycleSteps {
  const worker = startWorker(script, data)
  const pending = new Map<number, Pending>()
  let nextId = 1
  let exited: Error | null = null

  worker.on('message', (message: SyncWorkerMessage) => {
    const waiting = pending.get(message.id)
    if (!waiting) return
    if (message.type === 'progress') return waiting.onProgress?.(message.progress)
    pending.delete(message.id)
    if (message.type === 'done') waiting.resolve(message.summary)
    else waiting.reject(deserializeError(message.error))
  })
  const failAll = (error: Error) => {
    exited = error
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  worker.on('error', (error) => {
    log.error('sync worker crashed', { error: error.name, detail: error.message })
    failAll(new Error('the sync worker stopped unexpectedly'))
  })
  worker.on('exit', (code) => failAll(new Error(`the sync worker exited (code ${code})`)))

  const call = (
    body: RequestBody,
    onProgress?: (p: CycleProgress) => void,
  ): Promise<SyncSummary | undefined> => {
    if (exited) return Promise.reject(exited)
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) })
      worker.postMessage({ ...body, id } as SyncWorkerRequest)
    })
  }

  return {
    recover: async () => void (await call({ op: 'recover' })),
    drainOutbox: async () => void (await call({ op: 'drain' })),
    syncInsurer: async (insurerId, onProgress) => {
      const summary = await call({ op: 'sync', insurerId }, onProgress)
      if (!summary) throw new Error('sync worker: no summary for a finished sync')
      return summary
    },
    close: async () => {
      if (exited) return
      const timeout = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS).unref(),
      )
      const closed = call({ op: 'close' }).then(
        () => 'closed' as const,
        () => 'closed' as const,
      )
      if ((await Promise.race([closed, timeout])) === 'timeout')
        log.warn('sync worker did not close in time; terminating')
      await worker.terminate()
    },
  }
}
