import type { Command } from 'commander'
import type { ContractListRow } from '../../electron/common/api/contract'
import type { ContractFilters } from '../../electron/common/api/contract-filters'
import { toJstIso } from '../../electron/common/domain/japan-time'
import { reasonText, stuckReasons } from '../../electron/common/domain/stuck-reasons'
import { countContracts, listContractPage } from '../../electron/main/core/contracts/list-contracts'
import {
  WEB_STATE_COLUMNS,
  WEB_STATE_FROM,
  toWebState,
  type WebStateRow,
} from '../../electron/main/core/workspace/web-state-rows'
import type { DatabaseHandle } from '../../db/connection'
import { openCliDatabase, resolveDatabasePath } from '../database'
import type { CliIo } from '../io'
import { DB_OPTION_HELP, instantOption, integerOption } from '../options'
import { formatRows } from '../table'
import { parseFilterArgs } from './contract-filter-args'

interface ContractsFlags {
  db?: string
  json?: boolean
  filter: string[]
  limit: number
  now?: number
}

/** Rows per read; the CLI pages by keyset so a large --limit costs what small pages do. */
const PAGE = 500

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

async function readContracts(
  database: DatabaseHandle,
  filters: ContractFilters,
  limit: number,
  now: Date,
) {
  const rows: ContractListRow[] = []
  let after: string | undefined
  while (rows.length < limit) {
    const page = await listContractPage(
      database,
      {
        sort: { key: 'cutoff', direction: 'asc' },
        offset: 0,
        limit: Math.min(PAGE, limit - rows.length),
        filters,
        ...(after ? { after } : {}),
      },
      now,
    )
    rows.push(...page.rows)
    if (!page.nextCursor) break
    after = page.nextCursor
  }
  const { total, totalCapped } = await countContracts(database.db, { filters }, now)
  return { rows, total, totalCapped }
}

/** Stuck reasons of each contract, from the same rules the workspace screens use. */
function reasonsOf(database: DatabaseHandle, ids: readonly number[], now: Date) {
  const read = database.sqlite.prepare(
    `SELECT ${WEB_STATE_COLUMNS} FROM ${WEB_STATE_FROM} WHERE c.id = ?`,
  )
  const byId = new Map<number, { code: string; severity: string; text: string }[]>()
  for (const id of ids) {
    const row = read.get(id) as WebStateRow | undefined
    const reasons = row ? stuckReasons(toWebState(row), now) : []
    byId.set(
      id,
      reasons.map((r) => ({ code: r.code, severity: r.severity, text: reasonText(r, 'ja') })),
    )
  }
  return byId
}

export function registerContracts(program: Command, io: CliIo): void {
  program
    .command('contracts')
    .description(
      '契約を一覧します（Web期限・緊急度・滞留理由つき） / list contracts with web cutoff, urgency and stuck reasons',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print JSON')
    .option(
      '--filter <key=value>',
      'filter, repeatable: insurer, branch, staff (me), maturityFrom, maturityTo, urgency ' +
        '(closed,d3,d7,d14,d30,later), flow (A|B), step, mail, registration, outbox ' +
        '(pending|failed|none), search',
      collect,
      [],
    )
    .option(
      '--limit <n>',
      'at most this many contracts (default 100)',
      integerOption('--limit', 1, 1_000_000),
      100,
    )
    .option(
      '--now <iso>',
      'evaluate deadlines at this instant (default: now)',
      instantOption('--now'),
    )
    .action(async (flags: ContractsFlags) => {
      // Validated before the database is opened: a typo is exit 2, with nothing touched.
      const filters = parseFilterArgs(flags.filter)
      const now = new Date(flags.now ?? Date.now())
      const database = openCliDatabase(resolveDatabasePath(flags.db), { mustExist: true })
      try {
        const { rows, total, totalCapped } = await readContracts(
          database,
          filters,
          flags.limit,
          now,
        )
        const reasons = reasonsOf(
          database,
          rows.map((r) => r.id),
          now,
        )
        const contracts = rows.map((r) => ({
          ...r,
          stuckReasons: reasons.get(r.id) ?? [],
        }))
        if (flags.json) {
          io.out(
            `${JSON.stringify({ at: toJstIso(now.getTime()), total, totalCapped, filters, contracts }, null, 2)}\n`,
          )
          return
        }
        io.out(`${total.toLocaleString('en-US')}${totalCapped ? '+' : ''} contracts\n`)
        for (const c of contracts) {
          io.out(
            formatRows([
              [c.policyNumber, `${c.clientName}  ${c.insurerName}`],
              ['  web cutoff', `${c.webCutoffAt}  (${c.urgency ?? '-'})`],
              ...c.stuckReasons.map((s): [string, string] => [`  ${s.code}`, s.text]),
            ]),
          )
        }
      } finally {
        await database.close()
      }
    })
}
