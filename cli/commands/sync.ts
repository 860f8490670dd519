import type { Command } from 'commander'
import { migrateToLatest } from '../../db/migrate'
import { refreshSchedules } from '../../electron/main/core/workspace/schedule-backfill'
import { isInsurerError } from '../../electron/main/core/insurer/errors'
import { createHttpInsurerClient } from '../../electron/main/core/insurer/http-client'
import { syncInsurer } from '../../electron/main/core/sync/sync-insurer'
import { openCliDatabase, resolveDatabasePath } from '../database'
import { CliError, type CliIo } from '../io'
import { DB_OPTION_HELP } from '../options'
import { formatRows } from '../table'

interface SyncFlags {
  url: string
  insurer: string
  clientId: string
  db?: string
  full?: boolean
}

export function registerSync(program: Command, io: CliIo): void {
  program
    .command('sync')
    .description('保険会社と同期します / sync the local cache with an insurer')
    .requiredOption('--url <url>', "the insurer API's base URL, e.g. http://127.0.0.1:8787")
    .option('--insurer <id>', 'insurer id in the local database', 'demo-a')
    .option('--client-id <id>', 'OAuth client id', 'renewal-desk-demo')
    .option('--db <path>', DB_OPTION_HELP)
    .option(
      '--full',
      'discard the sync cursors and read the whole snapshot again (local data is kept)',
    )
    .addHelpText(
      'after',
      '\nThe client secret is read from RENEWAL_DESK_CLIENT_SECRET (never a flag: it would land in shell history).',
    )
    .action(async (flags: SyncFlags) => {
      await sync(flags, io)
    })
}

async function sync(flags: SyncFlags, io: CliIo): Promise<void> {
  const clientSecret = process.env.RENEWAL_DESK_CLIENT_SECRET
  if (!clientSecret) {
    throw new CliError(
      'RENEWAL_DESK_CLIENT_SECRET を設定してください / set RENEWAL_DESK_CLIENT_SECRET',
      2,
    )
  }
  if (!URL.canParse(flags.url))
    throw new CliError(`--url: URLではありません / not a URL: ${flags.url}`, 2)
  const database = openCliDatabase(resolveDatabasePath(flags.db), { mustExist: false })
  try {
    await migrateToLatest(database.db)
    // As at app start: stored stuck schedules current before anything is written beside them.
    refreshSchedules(database.sqlite)
    const known = await database.db
      .selectFrom('insurers')
      .select('id')
      .where('id', '=', flags.insurer)
      .executeTakeFirst()
    if (!known)
      throw new CliError(
        `--insurer: 保険会社 "${flags.insurer}" がデータベースにありません / unknown insurer`,
        2,
      )
    if (flags.full) {
      database.sqlite
        .prepare(
          'UPDATE sync_state SET change_cursor = NULL, snapshot_cursor = NULL, snapshot_complete = 0 WHERE insurer_id = ?',
        )
        .run(flags.insurer)
    }
    const adapter = createHttpInsurerClient({
      insurerId: flags.insurer,
      baseUrl: flags.url,
      clientId: flags.clientId,
      clientSecret,
    })
    let lastDrawn = 0
    const summary = await syncInsurer({
      database,
      insurerId: flags.insurer,
      adapter,
      now: () => new Date(),
      onProgress: (p) => {
        if (Date.now() - lastDrawn < 500) return
        lastDrawn = Date.now()
        const total = p.total === null ? '' : ` / ${p.total.toLocaleString('en-US')}`
        const percent = p.total ? ` (${Math.floor((100 * p.done) / p.total)}%)` : ''
        const eta = p.etaMs === null ? '' : `, ${Math.ceil(p.etaMs / 1000)} s left`
        const line = `${p.phase}: ${p.done.toLocaleString('en-US')}${total}${percent}${eta}`
        io.err(io.errIsTty ? `\r${line}` : `${line}\n`)
      },
    })
    if (io.errIsTty && lastDrawn > 0) io.err('\n')
    io.out(
      formatRows([
        ['contracts upserted', summary.contractsUpserted.toLocaleString('en-US')],
        ['tombstoned', String(summary.tombstoned)],
        ['events', summary.events.toLocaleString('en-US')],
        ['pages', String(summary.pages)],
        ['full resync (410)', summary.resynced ? 'yes' : 'no'],
        ['more to read', summary.hasMore ? 'yes (run again)' : 'no'],
      ]) + '\n',
    )
  } catch (error) {
    if (isInsurerError(error)) throw new CliError(error.message)
    throw error
  } finally {
    await database.close()
  }
}
