import { Command, CommanderError } from 'commander'
import { DatabaseFromNewerVersionError, MigrationFailedError } from '../db/migrate'
import { DemoOptionError } from '../demo-data/options'
import { DemoBookNotEmptyError } from '../electron/main/core/demo/seed-demo'
import { CLI_COMMANDS } from './commands'
import { CliError, CliExit, processIo, type CliIo } from './io'

/** Exit codes: 0 ok, 1 failure (or a problem found), 2 bad usage / option value. */
const EXIT_USAGE = 2

function buildProgram(io: CliIo): Command {
  const program = new Command('renewal-desk')
    .description('更新デスク 管理コマンド / Renewal Desk admin commands')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(--help で使い方を表示 / add --help for usage)')
  for (const register of CLI_COMMANDS) register(program, io)
  return program
}

/** Errors the user can act on: shown without a stack trace. */
function expectedError(error: unknown): { message: string; exitCode: number } | null {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode }
  if (error instanceof DemoOptionError) return { message: error.message, exitCode: EXIT_USAGE }
  if (
    error instanceof DemoBookNotEmptyError ||
    error instanceof DatabaseFromNewerVersionError ||
    error instanceof MigrationFailedError
  ) {
    return { message: error.message, exitCode: 1 }
  }
  // better-sqlite3's SqliteError: not a database, locked, read-only, disk full...
  if (error instanceof Error && error.name === 'SqliteError') {
    return {
      message: `データベースを開けないか書き込めません / cannot open or write the database: ${error.message}`,
      exitCode: 1,
    }
  }
  return null
}

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv])
    return 0
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed the message (help, version, or what was wrong).
      return error.exitCode === 0 ? 0 : EXIT_USAGE
    }
    if (error instanceof CliExit) return error.exitCode
    const expected = expectedError(error)
    if (expected) {
      io.err(`エラー / error: ${expected.message}\n`)
      return expected.exitCode
    }
    const message = error instanceof Error ? error.message : String(error)
    io.err(`予期しないエラーが発生しました / unexpected error: ${message}\n`)
    if (process.env.RENEWAL_DESK_DEBUG && error instanceof Error && error.stack)
      io.err(`${error.stack}\n`)
    return 1
  }
}
