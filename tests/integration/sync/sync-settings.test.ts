import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/main/core/api/dispatch'
import { startCore } from '../../../electron/main/core/start-core'
import { tempDir } from '../../support/temp-db'

let dir: ReturnType<typeof tempDir> | null = null
afterEach(() => {
  dir?.remove()
  dir = null
})

const open = (path: string) =>
  startCore({ databasePath: path, version: 't', seedDemoWhenEmpty: false })

describe('the automatic sync interval', () => {
  it('is 5 minutes by default, changes through the contract and survives a restart', async () => {
    dir = tempDir()
    const path = dir.file('s.sqlite')
    const first = await open(path)
    expect(await dispatch(first.handlers, 'sync:status', {})).toMatchObject({
      ok: true,
      value: { intervalMinutes: 5 },
    })
    expect(await dispatch(first.handlers, 'sync:configure', { intervalMinutes: 15 })).toMatchObject(
      { ok: true, value: { intervalMinutes: 15 } },
    )
    await first.close()

    const second = await open(path)
    expect(await dispatch(second.handlers, 'sync:status', {})).toMatchObject({
      ok: true,
      value: { intervalMinutes: 15 },
    })
    await second.close()
  })

  it('refuses an interval that is not offered, saying which ones are, and keeps the old one', async () => {
    dir = tempDir()
    const core = await open(dir.file('s.sqlite'))
    const result = await dispatch(core.handlers, 'sync:configure', { intervalMinutes: 2 })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', path: 'intervalMinutes' },
    })
    if (!result.ok) expect(result.error.message).toContain('1, 5, 10, 15, 30, 60')
    expect(await dispatch(core.handlers, 'sync:status', {})).toMatchObject({
      value: { intervalMinutes: 5 },
    })
    await core.close()
  })
})
