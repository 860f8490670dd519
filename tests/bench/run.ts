import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { startCore } from '../../electron/main/core/start-core'
import { seedDemoBook } from '../../electron/main/core/demo/seed-demo'
import { tempDir } from '../support/temp-db'
import { benchContractList } from './contract-list.bench'
import { BENCH_NOW, benchFilteredList, benchSearch } from './contract-search.bench'
import { benchInsurerSnapshot } from './insurer-snapshot.bench'
import { benchTodayList } from './today-list.bench'
import { benchTriageList } from './triage-list.bench'
import { benchDeltaSync, benchInitialSync } from './sync.bench'
import { round, type Timing } from './measure'

/**
 * `npm run bench [-- --contracts N]`: every benchmark measures its baseline in the same run
 * and prints the ratio; results go to bench-results/<name>.json for comparison over time.
 */
const { values } = parseArgs({
  options: {
    contracts: { type: 'string', default: '100000' },
    // `--only list`: the list, filter and search benchmarks alone (skips snapshot and sync).
    only: { type: 'string' },
  },
})
const contracts = Number(values.contracts)
if (!Number.isInteger(contracts) || contracts < 100 || contracts > 1_000_000) {
  process.stderr.write('--contracts: an integer from 100 to 1,000,000\n')
  process.exit(2)
}

/** One line per scope of a workspace list: timings, ratio, how many, and the target's verdict. */
function writeScopeRows(
  title: string,
  rows: Array<{
    scope: string
    ours: Timing
    baseline: Timing
    ratioP95: number
    counted: string
    limitMs: number
  }>,
  over: string,
) {
  process.stdout.write(`\n${title}\n`)
  for (const r of rows) {
    process.stdout.write(
      `  ${r.scope.padEnd(8)} ours p50 ${r.ours.p50Ms} ms  p95 ${r.ours.p95Ms} ms | raw p95 ${r.baseline.p95Ms} ms | ratio ${r.ratioP95}× | ${r.counted} | ${r.ours.p95Ms <= r.limitMs ? 'ok' : over}\n`,
    )
  }
}

const dir = tempDir('renewal-desk-bench-')
try {
  const core = await startCore({
    databasePath: dir.file('bench.sqlite'),
    version: 'bench',
    seedDemoWhenEmpty: false,
    // The seeded book's clock: urgency filters are ranges around "now".
    now: () => new Date(BENCH_NOW),
  })
  const seedStart = performance.now()
  await seedDemoBook(core.database, {
    contracts,
    seed: 1,
    now: BENCH_NOW,
  })
  const seedSeconds = (performance.now() - seedStart) / 1000
  process.stdout.write(
    `seeded (informational, no target) ${contracts} demo contracts in ${seedSeconds.toFixed(1)} s (${Math.round(contracts / seedSeconds)} rows/s)\n\n`,
  )

  const list = await benchContractList(core.database, core.handlers, contracts)
  process.stdout.write(
    `contracts:list at ${contracts.toLocaleString('en')} contracts (200 rows a page; baseline: raw better-sqlite3, same SQL)\n`,
  )
  for (const r of list) {
    process.stdout.write(
      `  ${r.name.padEnd(40)} ours p50 ${r.ours.p50Ms} ms  p95 ${r.ours.p95Ms} ms | raw p50 ${r.baseline.p50Ms} ms  p95 ${r.baseline.p95Ms} ms | ratio p95 ${r.ratioP95}×\n`,
    )
  }
  const filtered = await benchFilteredList(core.database, core.handlers, contracts)
  process.stdout.write(
    '\ncontracts:list with filters (first page, 200 rows; goal p95 ≤ 1.5× raw)\n',
  )
  for (const r of filtered.firstPages) {
    process.stdout.write(
      `  ${r.name.padEnd(40)} ours p50 ${r.ours.p50Ms} ms  p95 ${r.ours.p95Ms} ms | raw p95 ${r.baseline.p95Ms} ms | ratio p95 ${r.ratioP95}× | guide 5 ms ${r.ours.p95Ms <= 5 ? 'ok' : 'missed'}\n`,
    )
  }
  process.stdout.write(
    'contracts:count beside those pages (its own call: the rows do not wait for it)\n',
  )
  for (const r of filtered.firstPages) {
    process.stdout.write(
      `  ${r.name.padEnd(40)} ours p50 ${r.count.ours.p50Ms} ms  p95 ${r.count.ours.p95Ms} ms | raw p95 ${r.count.baseline.p95Ms} ms | ratio p95 ${r.count.ratioP95}× | ${r.total.toLocaleString('en')} matches\n`,
    )
  }
  process.stdout.write('deep page by keyset (goal p95 ≤ 2× the first page)\n')
  for (const k of filtered.keyset) {
    process.stdout.write(
      `  ${k.deep.name.padEnd(56)} p95 ${k.deep.ours.p95Ms} ms (raw ${k.deep.baseline.p95Ms}, ratio ${k.deep.ratioP95}×) | in turns with the first page: ${k.paired.deep.p95Ms} vs ${k.paired.first.p95Ms} ms → ${k.deepOverFirstP95}× ${k.deepOverFirstP95 <= 2 ? 'ok' : 'MISSED'}\n`,
    )
  }
  const search = await benchSearch(core.database, core.handlers)
  process.stdout.write(
    'search (matches + first page; goal p95 ≤ 20 ms for 3+ chars, ≤ 150 ms for 1–2)\n',
  )
  for (const r of search) {
    process.stdout.write(
      `  ${r.name.padEnd(40)} ${String(r.characters).padStart(2)} ch | ours p50 ${r.ours.p50Ms} ms  p95 ${r.ours.p95Ms} ms | raw p95 ${r.baseline.p95Ms} ms | ratio ${r.ratioP95}× | ${r.total}${r.capped ? '+' : ''} matches | goal ${r.goalMs} ms ${r.ours.p95Ms <= r.goalMs ? 'ok' : 'MISSED'}\n`,
    )
  }
  const today = await benchTodayList(core.database, core.handlers, new Date(BENCH_NOW))
  writeScopeRows(
    'today:list (whole backend path vs raw better-sqlite3 on the same SQL; goal p95 ≤ 50 ms)',
    today.map((r) => ({
      ...r,
      counted: `${r.due.toLocaleString('en')} due`,
      limitMs: r.goalP95Ms,
    })),
    'MISSED',
  )
  const triage = await benchTriageList(core.database, core.handlers, new Date(BENCH_NOW))
  writeScopeRows(
    'triage:list (whole backend path vs raw better-sqlite3 on the same SQL; guide p95 ≤ 50 ms)',
    triage.map((r) => ({
      ...r,
      counted: `${r.stuck.toLocaleString('en')} stuck`,
      limitMs: r.guideP95Ms,
    })),
    'over the guide',
  )
  await core.close()

  mkdirSync('bench-results', { recursive: true })
  const report = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    contracts,
    seed: { seconds: round(seedSeconds, 2), rowsPerSecond: Math.round(contracts / seedSeconds) },
    contractList: list,
    filteredList: filtered,
    search,
    today,
    triage,
  }
  // One file per book size: the targets are at 1M, the everyday runs at 100k.
  const listFile = `bench-results/contract-list-${contracts}.json`
  writeFileSync(listFile, `${JSON.stringify(report, null, 2)}\n`)
  process.stdout.write(`\nwritten: ${listFile}\n\n`)
  if (values.only !== 'list') {
    const snapshot = await benchInsurerSnapshot(contracts)
    writeFileSync(
      'bench-results/insurer-snapshot.json',
      `${JSON.stringify({ at: new Date().toISOString(), machine: report.machine, ...snapshot }, null, 2)}\n`,
    )
    process.stdout.write('written: bench-results/insurer-snapshot.json\n\n')

    const initialSync = await benchInitialSync(contracts)
    const deltaSync = await benchDeltaSync()
    process.stdout.write(
      `delta sync: ${deltaSync.changes} changes on a ${deltaSync.cacheContracts.toLocaleString('en')}-contract cache in ${deltaSync.seconds} s (goal ≤ 1 s)\n`,
    )
    writeFileSync(
      'bench-results/sync.json',
      `${JSON.stringify({ at: new Date().toISOString(), machine: report.machine, initialSync, deltaSync }, null, 2)}\n`,
    )
    process.stdout.write('written: bench-results/sync.json\n')
  }
} finally {
  dir.remove()
}
