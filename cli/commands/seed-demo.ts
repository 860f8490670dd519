import type { Command } from 'commander'
import { migrateToLatest } from '../../db/migrate'
import { refreshSchedules } from '../../electron/main/core/workspace/schedule-backfill'
import { MAX_DEMO_CONTRACTS, MIN_DEMO_CONTRACTS } from '../../demo-data/options'
import { seedDemoBook } from '../../electron/main/core/demo/seed-demo'
import { countRows } from '../../electron/main/core/doctor'
import { openCliDatabase, resolveDatabasePath } from '../database'
import type { CliIo } from '../io'
import { DB_OPTION_HELP, instantOption, integerOption } from '../options'
import { progressReporter } from '../progress'
import { formatRows } from '../table'

interface SeedDemoFlags {
  contracts: number
  seed: number
  db?: string
  replace?: boolean
  now?: number
}

export function registerSeedDemo(program: Command, io: CliIo): void {
  program
    .command('seed-demo')
    .description(
      'デモ用の契約データを生成して投入します / fill the database with the generated demo book',
    )
    .option(
      '--contracts <n>',
      `number of contracts, ${MIN_DEMO_CONTRACTS}–${MAX_DEMO_CONTRACTS.toLocaleString('en-US')}`,
      integerOption('--contracts', MIN_DEMO_CONTRACTS, MAX_DEMO_CONTRACTS),
      3000,
    )
    .option(
      '--seed <n>',
      'random seed (same seed and --now → same book)',
      integerOption('--seed', 0, 2 ** 31 - 1),
      1,
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--replace', 'delete the existing book first (audit log is kept)')
    .option(
      '--now <datetime>',
      '"now" for the generated states (default: the current time)',
      instantOption('--now'),
    )
    .action(async (flags: SeedDemoFlags) => {
      await seedDemo(flags, io)
    })
}

async function seedDemo(flags: SeedDemoFlags, io: CliIo): Promise<void> {
  const path = resolveDatabasePath(flags.db)
  const database = openCliDatabase(path, { mustExist: false })
  try {
    const started = performance.now()
    await migrateToLatest(database.db)
    // As at app start: stored stuck schedules current before anything is written beside them.
    refreshSchedules(database.sqlite)
    const progress = progressReporter(io, 'seed-demo')
    await seedDemoBook(database, {
      contracts: flags.contracts,
      seed: flags.seed,
      now: flags.now ?? Date.now(),
      replace: Boolean(flags.replace),
      onProgress: (done, total) => progress.update(done, total),
    })
    progress.finish()
    const seconds = (performance.now() - started) / 1000
    io.out(
      `デモデータを投入しました / demo book seeded: ${flags.contracts.toLocaleString('en-US')} contracts, ` +
        `seed ${flags.seed}, ${seconds.toFixed(1)} s\n` +
        `  database  ${path}\n` +
        formatRows(Object.entries(countRows(database))),
    )
  } finally {
    await database.close()
  }
}
