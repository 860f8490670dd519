import { monitorEventLoopDelay } from 'node:perf_hooks'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type BetterSqlite3 from 'better-sqlite3'
import { openDatabase, type DatabaseHandle } from '../../db/connection'
import { migrateToLatest } from '../../db/migrate'
import { startDemoInsurer } from '../../demo-insurer/server'
import { demoReferenceData } from '../../demo-data/reference'
import { contractSearchKey } from '../../electron/common/domain/contract-search-key'
import { SEED_RULE_SET, webCutoff } from '../../electron/common/domain/insurer-rules'
import { writeReferenceData } from '../../electron/main/core/demo/reference-rows'
import { seedDemoBook } from '../../electron/main/core/demo/seed-demo'
import type { InsurerAdapter } from '../../electron/main/core/insurer/adapter'
import { createHttpInsurerClient } from '../../electron/main/core/insurer/http-client'
import type { Contract } from '../../electron/main/core/insurer/wire'
import { canonicalHashOfCache } from '../../electron/main/core/sync/canonical-hash'
import { wireWebState } from '../../electron/main/core/sync/wire-web-state'
import {
  SCHEDULE_COLUMNS,
  scheduleValues,
} from '../../electron/main/core/workspace/schedule-columns'
import {
  DEFAULT_ROWS_PER_TRANSACTION,
  syncInsurer,
} from '../../electron/main/core/sync/sync-insurer'
import { createWorkerCycleSteps } from '../../electron/main/core/sync-worker/worker-cycle-steps'
import { tempDir } from '../support/temp-db'
import { collectGarbage, round } from './measure'

const START_AT = Date.parse('2026-11-23T10:00:00+09:00')
const INSURER = 'demo-a'

export interface InitialSyncBenchResult {
  contracts: number
  syncRowsPerSecond: number
  baselineRowsPerSecond: number
  /** sync / baseline; the goal is ≥ 0.5. */
  ratio: number
  /**
   * The same raw upsert committed as often as the sync commits (maxRowsPerTransaction rows
   * per transaction): what the sync's transaction size costs, apart from its code.
   */
  sameTransactionsRowsPerSecond: number
  /** sync / sameTransactions. */
  ratioAtSameTransactions: number
  /** The longest single write transaction during the sync: what the window could stall for. */
  longestTransactionMs: number
  longestEventLoopBlockMs: number
}

export interface DeltaSyncBenchResult {
  cacheContracts: number
  changes: number
  seconds: number
  longestTransactionMs: number
}

export async function freshDatabase(path: string): Promise<DatabaseHandle> {
  const database = openDatabase({ path })
  await migrateToLatest(database.db)
  writeReferenceData(database.sqlite, demoReferenceData(1), START_AT)
  return database
}

interface Endpoint {
  url: string
  clientId: string
  clientSecret: string
}

/**
 * The demo insurer as its own process (as the app runs it, and like a real insurer on
 * another machine): its work of building pages is not charged to the sync being measured.
 */
async function startInsurerProcess(
  contracts: number,
): Promise<{ endpoint: Endpoint; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'demo-insurer/main.ts',
      '--port',
      '0',
      '--contracts',
      String(contracts),
      '--seed',
      '1',
      '--speed',
      '0',
      '--start',
      new Date(START_AT).toISOString(),
      '--ready-line',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const lines = createInterface({ input: child.stdout })
  for await (const line of lines) {
    if (line.startsWith('DEMO_INSURER_READY ')) {
      const endpoint = JSON.parse(line.slice('DEMO_INSURER_READY '.length)) as Endpoint
      // Keep draining its daily report so the pipe never fills.
      lines.on('line', () => {})
      return { endpoint, stop: () => child.kill() }
    }
  }
  throw new Error('the demo insurer process exited before it was ready')
}

const SYNC_WORKER = resolve(
  import.meta.dirname,
  '../../electron/main/core/sync-worker/worker-entry.ts',
)

/** What the window polls each second during a sync (sync:status), on this thread. */
function pollSyncStatus(database: DatabaseHandle): void {
  database.sqlite.prepare('SELECT * FROM sync_state').all()
  database.sqlite
    .prepare(
      "SELECT count(*) AS n FROM reissue_outbox WHERE state IN ('queued', 'sending', 'outcome_unknown')",
    )
    .get()
}

function clientFor(server: Endpoint): InsurerAdapter {
  return createHttpInsurerClient(
    {
      insurerId: INSURER,
      baseUrl: server.url,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      timeoutMs: 60_000,
    },
    {},
  )
}

async function fetchAll(adapter: InsurerAdapter, contracts: number): Promise<Contract[]> {
  const all: Contract[] = []
  let cursor: string | undefined
  for (let guard = 0; guard <= contracts / 1000 + 1; guard++) {
    const page = await adapter.listContracts({ ...(cursor ? { cursor } : {}), limit: 1000 })
    all.push(...page.items)
    if (page.nextCursor === null) return all
    cursor = page.nextCursor
  }
  throw new Error('paging did not end')
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')
const ms = (instant: string | null) => (instant === null ? null : Date.parse(instant))

/** The baseline's transactions: large enough that commits cost next to nothing. */
const RAW_ROWS_PER_TRANSACTION = 10_000

/**
 * The baseline: the same wire contracts, already in memory, written with bare prepared
 * INSERT … ON CONFLICT statements into the same schema (same indexes) in 10k-row
 * transactions — the fastest the database takes these rows, no network, no checks.
 */
export function rawUpsert(
  sqlite: BetterSqlite3.Database,
  contracts: readonly Contract[],
  rowsPerTransaction = RAW_ROWS_PER_TRANSACTION,
): number {
  const client = sqlite.prepare(
    `INSERT INTO clients (name_kanji, name_kana, birth_date, postcode, address, phone, email,
       updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const contract = sqlite.prepare(
    `INSERT INTO contracts (insurer_id, policy_number, client_id, staff_id, branch_id, flow,
       named_insured_name, named_insured_kana, vehicle_owner_name, vehicle_name, vehicle_plate,
       inception_date, maturity_date, web_cutoff_at, premium_yen, renewal_status,
       renewal_channel, renewed_policy_number, remote_version, synced_at, updated_at,
       ${SCHEDULE_COLUMNS.join(', ')})
     VALUES (?, ?, ?, ?, (SELECT branch_id FROM staff WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?,
       ?, ?, ?, ?, ?, ?, ?, ${marks(SCHEDULE_COLUMNS.length)})
     ON CONFLICT (insurer_id, policy_number) DO UPDATE SET remote_version = excluded.remote_version`,
  )
  // Columns named, the copies of the contract's dates included (migration 0013), as the sync
  // writes them (apply-contract.ts).
  const mail = sqlite.prepare(
    `INSERT INTO credential_mail_state (contract_id, id_mail_status, id_mail_sent_at,
       id_mail_delivered_at, id_mail_failed_at, id_mail_failure_reason, password_mail_status,
       password_mail_sent_at, password_mail_delivered_at, password_mail_failed_at,
       password_mail_failure_reason, credentials_issued_year, first_login_at,
       temp_password_changed_at, password_expired_at, mypage_status, mypage_provisional_at,
       mypage_provisional_expires_at, mypage_registered_at, mypage_failed_at,
       mypage_mismatch_field, updated_at, contract_web_cutoff_at, contract_maturity_date,
       contract_client_id, contract_client_kana)
     VALUES (${marks(26)}) ON CONFLICT (contract_id) DO NOTHING`,
  )
  const progress = sqlite.prepare(
    `INSERT INTO renewal_progress (contract_id, step, step_reached_at, screen, screen_reached_at,
       started_at, completed_at, last_activity_at, updated_at, contract_web_cutoff_at,
       contract_maturity_date, contract_client_id, contract_client_kana)
     VALUES (${marks(13)}) ON CONFLICT (contract_id) DO NOTHING`,
  )
  // The search key is part of the row set (its triggers feed the FTS index); normalising the
  // names is the least work that produces it. Likewise the stored stuck schedules (their
  // indexes feed today's list and triage): computing them from the contract's state.
  const search = sqlite.prepare(
    'INSERT INTO contract_search (contract_id, names, numbers) VALUES (?, ?, ?)',
  )
  const cutoffs = new Map<string, number>()
  const at = Date.now()
  const chunk = sqlite.transaction((slice: readonly Contract[]) => {
    for (const c of slice) {
      const p = c.policyholder
      const clientId = client.run(
        p.nameKanji,
        p.nameKana,
        p.birthDate,
        p.postcode,
        p.address,
        p.phone,
        p.email,
        at,
      ).lastInsertRowid
      let cutoff = cutoffs.get(c.maturityDate)
      if (cutoff === undefined) {
        cutoff = webCutoff(c.maturityDate, SEED_RULE_SET).getTime()
        cutoffs.set(c.maturityDate, cutoff)
      }
      const r = c.renewal
      const id = contract.run(
        INSURER,
        c.policyNumber,
        clientId,
        c.agentStaffCode,
        c.agentStaffCode,
        c.flow,
        c.namedInsured.name,
        c.namedInsured.kana,
        c.vehicleOwnerName,
        c.vehicle.name,
        c.vehicle.plate,
        c.inceptionDate,
        c.maturityDate,
        cutoff,
        c.premiumYen,
        r.status,
        r.channel,
        r.renewedPolicyNumber,
        String(c.version),
        at,
        at,
        ...scheduleValues(wireWebState(c, cutoff)),
      ).lastInsertRowid
      const { idMail: i, passwordMail: w } = c.credentials
      const k = c.credentials
      const m = c.mypage
      mail.run(
        id,
        i.status,
        ms(i.sentAt),
        ms(i.deliveredAt),
        ms(i.failedAt),
        i.failureReason,
        w.status,
        ms(w.sentAt),
        ms(w.deliveredAt),
        ms(w.failedAt),
        w.failureReason,
        k.credentialsIssuedYear,
        ms(k.firstLoginAt),
        ms(k.tempPasswordChangedAt),
        ms(k.passwordExpiredAt),
        m.status,
        ms(m.provisionalAt),
        ms(m.provisionalExpiresAt),
        ms(m.registeredAt),
        ms(m.failedAt),
        m.mismatchField,
        at,
        cutoff,
        c.maturityDate,
        clientId,
        p.nameKana,
      )
      progress.run(
        id,
        r.step,
        ms(r.stepReachedAt),
        r.screen,
        ms(r.screenReachedAt),
        ms(r.startedAt),
        ms(r.completedAt),
        ms(r.lastActivityAt),
        at,
        cutoff,
        c.maturityDate,
        clientId,
        p.nameKana,
      )
      const key = contractSearchKey({
        clientName: p.nameKanji,
        clientKana: p.nameKana,
        namedInsuredName: c.namedInsured.name,
        namedInsuredKana: c.namedInsured.kana,
        phone: p.phone,
        plate: c.vehicle.plate,
        policyNumber: c.policyNumber,
      })
      search.run(id, key.names, key.numbers)
    }
  })
  const start = performance.now()
  for (let from = 0; from < contracts.length; from += rowsPerTransaction)
    chunk(contracts.slice(from, from + rowsPerTransaction))
  return (performance.now() - start) / 1000
}

/**
 * Initial sync of `contracts` from the demo insurer (a child process) over loopback — HTTP,
 * token, retries, zod, conflict rules, per-page transactions with the cursor, the sweep —
 * against the raw baseline above, which gets the same contracts already in memory.
 */
export async function benchInitialSync(
  contracts = 100_000,
  maxRowsPerTransaction = DEFAULT_ROWS_PER_TRANSACTION,
): Promise<InitialSyncBenchResult> {
  const insurer = await startInsurerProcess(contracts)
  const server = insurer.endpoint
  const dir = tempDir('renewal-desk-bench-sync-')
  try {
    const adapter = clientFor(server)
    const wire = await fetchAll(adapter, contracts)

    const baselineDb = await freshDatabase(dir.file('baseline.sqlite'))
    const baselineSeconds = rawUpsert(baselineDb.sqlite, wire)
    await baselineDb.close()
    // The sync commits far more often than the baseline (it must not hold the writer, which
    // staff actions on the main thread wait for): the same raw rows at its transaction size.
    const sameDb = await freshDatabase(dir.file('same-transactions.sqlite'))
    const sameTransactionsSeconds = rawUpsert(sameDb.sqlite, wire, maxRowsPerTransaction)
    await sameDb.close()
    wire.length = 0
    collectGarbage()

    // As in the app: the sync runs in its worker thread on its own connection, while this
    // thread (the main process) keeps its connection and reads what the window polls.
    const database = await freshDatabase(dir.file('sync.sqlite'))
    const steps = createWorkerCycleSteps(SYNC_WORKER, {
      databasePath: dir.file('sync.sqlite'),
      targets: [
        {
          settings: {
            insurerId: INSURER,
            baseUrl: server.url,
            clientId: server.clientId,
            clientSecret: server.clientSecret,
            timeoutMs: 60_000,
          },
        },
      ],
      maxRowsPerTransaction,
    })
    // How long this thread's event loop (the window's, in the app) was blocked at worst.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 })
    loopDelay.enable()
    const poll = setInterval(() => pollSyncStatus(database), 1_000)
    const start = performance.now()
    const summary = await steps.syncInsurer(INSURER, () => {})
    const syncSeconds = (performance.now() - start) / 1000
    clearInterval(poll)
    loopDelay.disable()
    await steps.close()
    const longestEventLoopBlockMs = round(loopDelay.max / 1e6, 1)
    const cached = canonicalHashOfCache(database.sqlite, INSURER).contracts
    await database.close()
    if (cached !== contracts)
      throw new Error(`expected ${contracts} contracts, cache has ${cached}`)

    const syncRowsPerSecond = Math.round(contracts / syncSeconds)
    const baselineRowsPerSecond = Math.round(contracts / baselineSeconds)
    const ratio = round(syncRowsPerSecond / baselineRowsPerSecond, 2)
    const sameTransactionsRowsPerSecond = Math.round(contracts / sameTransactionsSeconds)
    const ratioAtSameTransactions = round(syncRowsPerSecond / sameTransactionsRowsPerSecond, 2)
    const longestTransactionMs = round(summary.longestTransactionMs, 1)
    process.stdout.write(
      `initial sync at ${contracts.toLocaleString('en')} contracts (demo insurer in a child process, loopback; sync worker thread; ${maxRowsPerTransaction} rows per transaction)\n` +
        `  sync ${syncRowsPerSecond} rows/s (${syncSeconds.toFixed(1)} s) | raw INSERT … ON CONFLICT ${baselineRowsPerSecond} rows/s | ratio ${ratio}× (goal ≥ 0.5)\n` +
        `  the same raw upsert at ${maxRowsPerTransaction} rows per transaction (as the sync commits) ${sameTransactionsRowsPerSecond} rows/s | sync/that ${ratioAtSameTransactions}×\n` +
        `  longest transaction ${longestTransactionMs} ms | longest event-loop block ${longestEventLoopBlockMs} ms (goal ≤ 50 ms)\n`,
    )
    return {
      contracts,
      syncRowsPerSecond,
      baselineRowsPerSecond,
      ratio,
      sameTransactionsRowsPerSecond,
      ratioAtSameTransactions,
      longestTransactionMs,
      longestEventLoopBlockMs,
    }
  } finally {
    insurer.stop()
    dir.remove()
  }
}

/**
 * 1,000 feed items applied to a large cache. The cache is the demo book (seedDemoBook, fast
 * bulk path) and the demo insurer serves the same book, so the changes hit existing rows;
 * the cache is marked as synced at the feed's start. Only the delta call is timed.
 */
export async function benchDeltaSync(cacheContracts = 1_000_000): Promise<DeltaSyncBenchResult> {
  const CHANGES = 1000
  const dir = tempDir('renewal-desk-bench-delta-')
  const database = openDatabase({ path: dir.file('delta.sqlite') })
  const server = await startDemoInsurer({
    port: 0,
    contracts: cacheContracts,
    seed: 1,
    startAt: START_AT,
    speed: 0,
  })
  try {
    await migrateToLatest(database.db)
    await seedDemoBook(database, { contracts: cacheContracts, seed: 1, now: START_AT })
    const adapter = clientFor(server)
    const first = await adapter.listContracts({ limit: 1 })
    database.sqlite
      .prepare(
        `INSERT INTO sync_state (insurer_id, change_cursor, snapshot_complete, updated_at) VALUES (?, ?, 1, ?)`,
      )
      .run(INSURER, first.changesCursor ?? null, START_AT)
    // Simulated hours until the feed holds at least CHANGES items past the cursor.
    let feed = 0
    for (let hours = 0; feed < CHANGES && hours < 24 * 30; hours++) {
      server.advance(3_600_000)
      const probe = await adapter.listChanges({
        ...(first.changesCursor ? { cursor: first.changesCursor } : {}),
        limit: 1000,
      })
      feed = probe.items.length
    }
    const start = performance.now()
    // Every insurer row shares this one endpoint: demo-a holds the policies of series 1.
    const summary = await syncInsurer({
      database,
      insurerId: INSURER,
      adapter,
      now: () => new Date(),
      pageSize: 500,
      maxChangePages: CHANGES / 500,
      acceptPolicy: (p) => p.startsWith('1'),
    })
    const seconds = round((performance.now() - start) / 1000, 3)
    const longestTransactionMs = round(summary.longestTransactionMs, 1)
    process.stdout.write(
      `delta sync: ${CHANGES} changes on a ${cacheContracts.toLocaleString('en')}-contract cache in ${seconds} s (goal ≤ 1 s; ` +
        `${summary.contractsUpserted} upserts + ${summary.events} events for demo-a, the rest other insurers'); longest transaction ${longestTransactionMs} ms\n`,
    )
    return { cacheContracts, changes: CHANGES, seconds, longestTransactionMs }
  } finally {
    await server.close()
    await database.close()
    dir.remove()
  }
}

// `npx tsx tests/bench/sync.bench.ts [contracts] [cacheContracts]` runs both alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchInitialSync(Number(process.argv[2] ?? 100_000))
  await benchDeltaSync(Number(process.argv[3] ?? 1_000_000))
}
