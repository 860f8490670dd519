import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-db'
import { openDatabase } from '../../../db/connection'
import { SCHEDULE_RULES_VERSION } from '../../../electron/common/domain/schedule-version'
import { SCHEDULE_VERSION_SETTING } from '../../../electron/main/core/workspace/schedule-backfill'
import { expectSchedulesMatchState } from '../../support/stored-schedules'

const root = join(import.meta.dirname, '..', '..', '..')
const tsx = join(root, 'node_modules', '.bin', 'tsx')

function cli(...args: string[]) {
  const result = spawnSync(tsx, ['cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, RENEWAL_DESK_LOG_LEVEL: 'warn', RENEWAL_DESK_DATA_DIR: dir.path },
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

let dir: ReturnType<typeof tempDir>
beforeAll(() => {
  dir = tempDir('renewal-desk-cli-')
})
afterAll(() => dir.remove())

describe('npm run cli', () => {
  it('seed-demo then doctor --json on a fresh file', async () => {
    const db = dir.file('book.sqlite')
    const seeded = cli('seed-demo', '--contracts', '200', '--seed', '1', '--db', db)
    expect(seeded.stderr).not.toMatch(/at .*\.ts:\d+/) // no stack trace
    expect(seeded.code).toBe(0)
    expect(seeded.stdout).toMatch(/200 contracts/)
    expect(seeded.stdout).toMatch(/contracts\s+200/)
    expect(seeded.stderr).toMatch(/seed-demo: 200 \/ 200/)

    const doctor = cli('doctor', '--db', db, '--json')
    expect(doctor.code).toBe(0)
    const report = JSON.parse(doctor.stdout) as {
      ok: boolean
      integrity: string
      foreignKeyViolations: number
      schemaVersion: number
      latestSchemaVersion: number
      counts: Record<string, number>
    }
    expect(report.ok).toBe(true)
    expect(report.integrity).toBe('ok')
    expect(report.foreignKeyViolations).toBe(0)
    expect(report.schemaVersion).toBe(report.latestSchemaVersion)
    expect(report.counts.contracts).toBe(200)
    expect(report.counts.audit_log).toBe(1)

    const table = cli('doctor', '--db', db)
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/integrity_check\s+ok/)
    expect(table.stdout).toMatch(/result: OK/)

    // The seeded book is ready for today's list: schedules stored, their version recorded.
    const handle = openDatabase({ path: db })
    try {
      expect(expectSchedulesMatchState(handle)).toBe(200)
      const version = handle.sqlite
        .prepare('SELECT value FROM app_settings WHERE key = ?')
        .pluck()
        .get(SCHEDULE_VERSION_SETTING)
      expect(version).toBe(String(SCHEDULE_RULES_VERSION))
    } finally {
      await handle.close()
    }
  })

  it('refuses to seed over an existing book without --replace, in both languages', () => {
    const db = dir.file('twice.sqlite')
    expect(cli('seed-demo', '--contracts', '100', '--db', db).code).toBe(0)
    const again = cli('seed-demo', '--contracts', '100', '--db', db)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/既に 100 件/)
    expect(again.stderr).toMatch(/use --replace/)
    expect(again.stderr).not.toMatch(/\n\s+at /)
    const replaced = cli('seed-demo', '--contracts', '150', '--db', db, '--replace')
    expect(replaced.code).toBe(0)
  })

  it.each([
    ['--contracts', 'abc'],
    ['--contracts', '99'],
    ['--contracts', '1000001'],
    ['--contracts', '2.5'],
    ['--seed', '-1'],
  ])('rejects %s %s with exit code 2, naming the option, writing nothing', (option, value) => {
    const db = dir.file(`bad-${option.slice(2)}-${value}.sqlite`)
    const args = ['seed-demo', '--contracts', '200', '--db', db]
    if (option === '--contracts') args[2] = value
    else args.push(option, value)
    const result = cli(...args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(option)
    expect(existsSync(db)).toBe(false)
  })

  it('doctor on a missing file fails without creating it', () => {
    const db = dir.file('missing.sqlite')
    const result = cli('doctor', '--db', db)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/database not found/)
    expect(existsSync(db)).toBe(false)
  })

  it('unknown commands are usage errors', () => {
    expect(cli('no-such-command').code).toBe(2)
  })
})
