import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { openDatabase, type DatabaseHandle } from '../db/connection'
import { defaultDatabasePath } from '../electron/main/core/paths'
import { CliError } from './io'

export function resolveDatabasePath(option: string | undefined): string {
  return option ? resolve(option) : defaultDatabasePath()
}

/**
 * Opens the file the app uses (or --db). `mustExist` is for read-side commands: opening
 * a missing path would silently create an empty database and report on that.
 */
export function openCliDatabase(path: string, options: { mustExist: boolean }): DatabaseHandle {
  if (!existsSync(path)) {
    if (options.mustExist) {
      throw new CliError(`データベースが見つかりません / database not found: ${path}`)
    }
    mkdirSync(dirname(path), { recursive: true })
  }
  return openDatabase({ path })
}
