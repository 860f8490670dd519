/**
 * The crash harness's victim: one process that queues the planned reissues, then drains the
 * outbox and syncs until there is nothing left to do. The harness SIGKILLs it at random
 * moments and starts it again; every restart must pick up exactly where the last commit left
 * off. Arguments: a JSON object (see CrashWorkerArgs) as argv[2].
 */
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrate'
import { createHttpInsurerClient } from '../../electron/main/core/insurer/http-client'
import { drainOutbox } from '../../electron/main/core/outbox/drain-outbox'
import { enqueueReissue } from '../../electron/main/core/outbox/enqueue-reissue'
import { recoverOutbox } from '../../electron/main/core/outbox/recover-outbox'
import { syncInsurer } from '../../electron/main/core/sync/sync-insurer'
import type { CrashWorkerArgs } from './plan'

const args = JSON.parse(process.argv[2] ?? '{}') as CrashWorkerArgs
const database = openDatabase({ path: args.dbPath })
await migrateToLatest(database.db)
await recoverOutbox(database, Date.now())

for (const item of args.plan) {
  const queued = database.sqlite
    .prepare('SELECT 1 FROM reissue_outbox WHERE reason = ?')
    .get(item.reason)
  if (!queued) await enqueueReissue(database, { ...item, requestedBy: args.staffId }, Date.now())
}

const adapter = createHttpInsurerClient(
  {
    insurerId: 'demo',
    baseUrl: args.url,
    clientId: args.clientId,
    clientSecret: args.clientSecret,
    timeoutMs: 5_000,
  },
  { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) },
)

for (let round = 0; round < 500; round++) {
  await drainOutbox({ database, adapterFor: () => adapter, now: () => Date.now(), paceMs: 0 })
  let more = false
  for (const insurer of args.insurers) {
    const summary = await syncInsurer({
      database,
      insurerId: insurer.id,
      adapter,
      now: () => new Date(),
      pageSize: args.pageSize,
      maxRowsPerTransaction: args.pageSize,
      acceptPolicy: (policyNumber) => policyNumber.startsWith(insurer.policySeries),
    })
    more ||= summary.hasMore || !summary.snapshotComplete
  }
  const pending = database.sqlite
    .prepare(
      "SELECT count(*) AS n FROM reissue_outbox WHERE state IN ('queued', 'sending', 'outcome_unknown')",
    )
    .get() as { n: number }
  if (!more && pending.n === 0) break
}
await database.close()
process.stdout.write('DONE\n')
