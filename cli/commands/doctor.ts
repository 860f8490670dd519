import type { Command } from 'commander'
import { runDoctor, type DoctorReport } from '../../electron/main/core/doctor'
import { openCliDatabase, resolveDatabasePath } from '../database'
import { CliExit, type CliIo } from '../io'
import { DB_OPTION_HELP } from '../options'
import { formatRows } from '../table'

interface DoctorFlags {
  db?: string
  json?: boolean
}

export function registerDoctor(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description(
      'データベースを診断します / check the database (schema, integrity, foreign keys, rows)',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the report as JSON')
    .action(async (flags: DoctorFlags) => {
      await doctor(flags, io)
    })
}

async function doctor(flags: DoctorFlags, io: CliIo): Promise<void> {
  const path = resolveDatabasePath(flags.db)
  const database = openCliDatabase(path, { mustExist: true })
  let report: DoctorReport
  try {
    report = await runDoctor(database)
  } finally {
    await database.close()
  }
  io.out(
    flags.json
      ? `${JSON.stringify({ database: path, ...report }, null, 2)}\n`
      : formatReport(path, report),
  )
  if (!report.ok) throw new CliExit(1)
}

function mark(ok: boolean): string {
  return ok ? 'OK' : 'NG'
}

function formatReport(path: string, r: DoctorReport): string {
  const schemaOk = r.schemaVersion === r.latestSchemaVersion
  let text = '更新デスク データベース診断 / Renewal Desk database check\n'
  text += formatRows([
    ['database', path],
    ['schema version', `${r.schemaVersion} / ${r.latestSchemaVersion}  ${mark(schemaOk)}`],
    ['integrity_check', `${r.integrity}  ${mark(r.integrity === 'ok')}`],
    [
      'foreign_key_check',
      `${r.foreignKeyViolations} violations  ${mark(r.foreignKeyViolations === 0)}`,
    ],
  ])
  text += '\nrows\n'
  text += formatRows(Object.entries(r.counts))
  text += '\n'
  for (const problem of r.problems) text += `  ! ${problem}\n`
  text += r.ok ? '結果: 問題なし / result: OK\n' : '結果: 問題あり / result: problems found\n'
  return text
}
