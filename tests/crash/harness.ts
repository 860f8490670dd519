import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrate'
import { DEMO_INSURERS } from '../../demo-data/reference'
import { decodeCursor } from '../../demo-insurer/feed/cursor'
import { startDemoInsurer } from '../../demo-insurer/server'
import { SEED_RULE_SET, siteStatus } from '../../electron/common/domain/insurer-rules'
import { seedDemoBook } from '../../electron/main/core/demo/seed-demo'
import {
  canonicalHashOfCache,
  canonicalHashOfContracts,
} from '../../electron/main/core/sync/canonical-hash'
import { tempDir } from '../support/temp-db'
import type { CrashWorkerArgs, PlannedReissue } from './plan'

const ROOT = resolve(import.meta.dirname, '../..')
const START_AT = Date.parse('2026-11-23T10:00:00+09:00')

export interface CrashHarnessOptions {
  kills: number
  seed?: number
  contracts?: number
  log?: (line: string) => void
}

export interface CrashHarnessResult {
  kills: number
  finishedBeforeKill: number
  integrityChecks: number
  plannedReissues: number
  acceptedAtInsurer: number
  insurers: { id: string; contracts: number; equal: boolean }[]
  seconds: number
}

/** A small deterministic PRNG for kill timings (mulberry32): reruns kill at the same moments. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * New insurer changes for the next runs. The simulated clock skips the nightly closure:
 * this harness is about crashes, and a closed site only makes every worker wait.
 */
function advancePastClosure(
  server: { now(): number; advance(ms: number): void },
  ms: number,
): void {
  server.advance(ms)
  const status = siteStatus(new Date(server.now()), SEED_RULE_SET)
  if (!status.open) server.advance(status.reopensAt.getTime() - server.now())
}

function runWorker(args: CrashWorkerArgs, killAfterMs: number | null): Promise<'done' | 'killed'> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'tests/crash/worker.ts'), JSON.stringify(args)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RENEWAL_DESK_LOG_LEVEL: 'error' },
    },
  )
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  return new Promise((resolveRun, reject) => {
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal === 'SIGKILL') resolveRun('killed')
      else if (code === 0 && out.includes('DONE')) resolveRun('done')
      else reject(new Error(`worker failed (code ${code}):\n${err.slice(-2000)}`))
    })
  })
}

/**
 * Runs sync and outbox draining in a child process against the demo insurer, SIGKILLs it
 * at random points `kills` times, and after every kill checks that the database is intact
 * and the change cursor never moved backwards. Finally lets a worker finish and checks that
 * the cache equals the insurer and that every reissue was accepted exactly once.
 */
export async function runCrashHarness(options: CrashHarnessOptions): Promise<CrashHarnessResult> {
  const started = Date.now()
  const seed = options.seed ?? 7
  const contracts = options.contracts ?? 400
  const log = options.log ?? (() => {})
  const random = prng(seed)
  const server = await startDemoInsurer({ port: 0, contracts, seed, startAt: START_AT, speed: 0 })
  const dir = tempDir('renewal-desk-crash-')
  try {
    const dbPath = dir.file('crash.sqlite')
    const setup = openDatabase({ path: dbPath })
    await migrateToLatest(setup.db)
    // The same book as the server, so local contracts exist to request reissues for.
    await seedDemoBook(setup, { contracts, seed, now: START_AT })
    const pick = (flow: 'A' | 'B', limit: number) =>
      setup.sqlite
        .prepare(
          `SELECT id FROM contracts WHERE flow = ? AND renewal_status IN ('not_started', 'in_progress') ORDER BY id LIMIT ?`,
        )
        .all(flow, limit) as { id: number }[]
    const plan: PlannedReissue[] = [
      ...pick('A', 6).map((r, i) => ({
        contractId: r.id,
        kind: 'password' as const,
        reason: `crash-test-a${i}`,
      })),
      ...pick('B', 4).map((r, i) => ({
        contractId: r.id,
        kind: 'mypage_registration_mail' as const,
        reason: `crash-test-b${i}`,
      })),
    ]
    const staff = setup.sqlite.prepare('SELECT id FROM staff ORDER BY id LIMIT 1').get() as {
      id: string
    }
    await setup.close()

    const insurers = DEMO_INSURERS.map((d) => ({ id: d.id, policySeries: d.policySeries }))
    const args: CrashWorkerArgs = {
      dbPath,
      url: server.url,
      clientId: server.clientId,
      clientSecret: server.clientSecret,
      staffId: staff.id,
      pageSize: 50,
      insurers,
      plan,
    }

    const lastSeq = new Map<string, number>()
    let kills = 0
    let finishedBeforeKill = 0
    let integrityChecks = 0
    for (let attempt = 0; kills < options.kills && attempt < options.kills * 3; attempt++) {
      // Kill anywhere from start-up to well into a sync; new insurer changes now and then.
      const outcome = await runWorker(args, Math.floor(200 + random() * 1800))
      if (outcome === 'killed') kills++
      else finishedBeforeKill++
      if (attempt % 4 === 3) advancePastClosure(server, 2 * 60 * 60 * 1000)

      const check = openDatabase({ path: dbPath })
      try {
        const integrity = check.sqlite.pragma('integrity_check', { simple: true })
        if (integrity !== 'ok')
          throw new Error(`integrity_check after kill ${kills}: ${String(integrity)}`)
        integrityChecks++
        const cursors = check.sqlite
          .prepare('SELECT insurer_id, change_cursor FROM sync_state')
          .all() as {
          insurer_id: string
          change_cursor: string | null
        }[]
        for (const row of cursors) {
          const cursor = row.change_cursor ? decodeCursor(row.change_cursor) : null
          if (!cursor || cursor.kind !== 'changes') continue
          const before = lastSeq.get(row.insurer_id) ?? 0
          if (cursor.seq < before) {
            throw new Error(
              `the change cursor of ${row.insurer_id} moved back from ${before} to ${cursor.seq}`,
            )
          }
          lastSeq.set(row.insurer_id, cursor.seq)
        }
      } finally {
        await check.close()
      }
      log(`run ${attempt + 1}: ${outcome}; kills ${kills}/${options.kills}`)
    }

    if ((await runWorker(args, null)) !== 'done') throw new Error('the final worker did not finish')

    const final = openDatabase({ path: dbPath })
    try {
      const integrity = final.sqlite.pragma('integrity_check', { simple: true })
      if (integrity !== 'ok') throw new Error(`final integrity_check: ${String(integrity)}`)
      const truth = [...server.snapshot()]
      const results = insurers.map((insurer) => {
        const expected = canonicalHashOfContracts(
          truth.filter((c) => c.policyNumber.startsWith(insurer.policySeries)),
        )
        const actual = canonicalHashOfCache(final.sqlite, insurer.id)
        return {
          id: insurer.id,
          contracts: actual.contracts,
          equal: expected.sha256 === actual.sha256,
        }
      })
      const rows = final.sqlite
        .prepare(
          `SELECT idempotency_key AS key, state FROM reissue_outbox WHERE reason LIKE 'crash-test-%'`,
        )
        .all() as { key: string; state: string }[]
      const accepted = server.acceptedReissues()
      const keys = accepted.map((a) => a.idempotencyKey)
      if (new Set(keys).size !== keys.length)
        throw new Error('a reissue was accepted twice at the insurer')
      for (const row of rows) {
        const times = keys.filter((k) => k === row.key).length
        const sent =
          ['accepted', 'completed'].includes(row.state) || (row.state === 'failed' && times === 1)
        if (sent && times !== 1)
          throw new Error(`reissue ${row.key} (${row.state}) accepted ${times} times`)
        if (['queued', 'sending', 'outcome_unknown'].includes(row.state)) {
          throw new Error(`reissue ${row.key} still ${row.state} after the final run`)
        }
      }
      if (rows.length !== plan.length)
        throw new Error(`planned ${plan.length} reissues, found ${rows.length}`)
      return {
        kills,
        finishedBeforeKill,
        integrityChecks,
        plannedReissues: plan.length,
        acceptedAtInsurer: keys.length,
        insurers: results,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      }
    } finally {
      await final.close()
    }
  } finally {
    await server.close()
    dir.remove()
  }
}
