import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/main/core/api/dispatch'
import { startTestCore, type TestCore } from '../../support/test-core'

let core: TestCore

beforeAll(async () => {
  core = await startTestCore({
    seedDemoWhenEmpty: true,
  })
})
afterAll(async () => {
  await core.stop()
})

describe('session through the contract', () => {
  it('starts with nobody signed in and lists the active staff with their branch and role', async () => {
    const result = await dispatch(core.handlers, 'session:get', {})
    if (!result.ok) throw new Error(result.error.message)
    const session = result.value as {
      current: unknown
      staff: { role: string; branchName: string }[]
    }
    expect(session.current).toBeNull()
    expect(session.staff.length).toBeGreaterThan(1)
    expect(session.staff.some((s) => s.role === 'manager')).toBe(true)
    expect(session.staff.every((s) => s.branchName.length > 0)).toBe(true)
  })

  it('signs in a listed staff member, keeps the choice, and signs out', async () => {
    const staffId = (
      core.database.sqlite
        .prepare('SELECT id FROM staff WHERE active = 1 ORDER BY id LIMIT 1')
        .get() as {
        id: string
      }
    ).id
    expect(await dispatch(core.handlers, 'session:signIn', { staffId })).toMatchObject({
      ok: true,
      value: { current: { id: staffId } },
    })
    expect(await dispatch(core.handlers, 'session:get', {})).toMatchObject({
      value: { current: { id: staffId } },
    })
    expect(await dispatch(core.handlers, 'session:signOut', {})).toMatchObject({
      value: { current: null },
    })
  })

  it('refuses an unknown staff id, saying which, and changes nothing', async () => {
    const result = await dispatch(core.handlers, 'session:signIn', { staffId: 'st-nobody' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    if (!result.ok) expect(result.error.message).toContain('st-nobody')
    expect(await dispatch(core.handlers, 'session:get', {})).toMatchObject({
      value: { current: null },
    })
  })
})
