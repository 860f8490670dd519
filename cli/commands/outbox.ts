import type { Command } from 'commander'
import { listOutbox } from '../../electron/main/core/outbox/list-outbox'
import { toJstIso } from '../../electron/common/domain/japan-time'
import { openCliDatabase, resolveDatabasePath } from '../database'
import type { CliIo } from '../io'
import { DB_OPTION_HELP } from '../options'
import { formatRows } from '../table'

interface OutboxFlags {
  db?: string
  json?: boolean
}

export function registerOutbox(program: Command, io: CliIo): void {
  program
    .command('outbox')
    .description('再発行の送信キューを表示します / list the reissue outbox with states')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (flags: OutboxFlags) => {
      const database = openCliDatabase(resolveDatabasePath(flags.db), { mustExist: true })
      try {
        const { items, counts } = await listOutbox(database, { limit: 1000 })
        if (flags.json) {
          io.out(`${JSON.stringify({ counts, items }, null, 2)}\n`)
          return
        }
        io.out(formatRows(Object.entries(counts).map(([state, n]) => [state, String(n)])) + '\n\n')
        for (const item of items) {
          io.out(
            formatRows([
              [
                `#${item.id}`,
                `${item.policyNumber}  ${item.kind}  ${item.state}  attempts ${item.attempts}`,
              ],
              ['  requested', toJstIso(item.requestedAt)],
              ...(item.lastErrorMessage
                ? ([['  last error', item.lastErrorMessage]] as [string, string][])
                : []),
            ]) + '\n',
          )
        }
      } finally {
        await database.close()
      }
    })
}
