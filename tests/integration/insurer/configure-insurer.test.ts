import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/main/core/api/dispatch'
import {
  createMemorySecretStore,
  type SecretStore,
} from '../../../electron/main/core/insurer/settings'
import { startCore, type RunningCore } from '../../../electron/main/core/start-core'
import { tempDir } from '../../support/temp-db'

let dir: ReturnType<typeof tempDir>
let core: RunningCore
let secrets: SecretStore & { entries(): Promise<Record<string, string | null>> }

const INPUT = {
  insurerId: 'acme',
  name: 'アクメ損保',
  baseUrl: 'https://api.acme.example/renewals',
  clientId: 'agency-123',
  clientSecret: 'top-secret-value',
}

beforeEach(async () => {
  dir = tempDir()
  const store = createMemorySecretStore()
  secrets = Object.assign(store, {
    entries: async () => ({
      'insurer:acme:clientSecret': await store.get('insurer:acme:clientSecret'),
    }),
  })
  core = await startCore({
    databasePath: dir.file('c.sqlite'),
    version: 't',
    seedDemoWhenEmpty: false,
    secrets,
  })
})

afterEach(async () => {
  await core.close()
  dir.remove()
})

describe('insurer:configure', () => {
  it('keeps the secret in the secret store only, and audits the host', async () => {
    const result = await dispatch(core.handlers, 'insurer:configure', INPUT)
    expect(result).toEqual({ ok: true, value: { insurerId: 'acme', restartRequired: true } })
    expect((await secrets.entries())['insurer:acme:clientSecret']).toBe('top-secret-value')
    const row = await core.database.db
      .selectFrom('insurers')
      .selectAll()
      .where('id', '=', 'acme')
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      is_demo: 0,
      api_base_url: INPUT.baseUrl,
      api_client_id: 'agency-123',
      web_cutoff_time: '23:55',
    })
    const dump = JSON.stringify(
      core.database.sqlite.prepare('SELECT * FROM insurers, audit_log').all(),
    )
    expect(dump).not.toContain('top-secret-value')
    const audit = core.database.sqlite
      .prepare("SELECT detail_json FROM audit_log WHERE action = 'insurer.configure'")
      .get()
    expect(audit).toEqual({ detail_json: '{"host":"api.acme.example"}' })
    // Configured insurers appear in the status (not connected until the restart).
    const status = await dispatch(core.handlers, 'insurer:status', {})
    expect(status).toMatchObject({
      ok: true,
      value: { insurers: [{ id: 'acme', state: 'not_configured' }] },
    })
  })

  it.each([
    [{ ...INPUT, baseUrl: 'http://api.acme.example' }, 'baseUrl'],
    [{ ...INPUT, baseUrl: 'ftp://x' }, 'baseUrl'],
    [{ ...INPUT, insurerId: 'ACME!' }, 'insurerId'],
    [{ ...INPUT, clientSecret: '' }, 'clientSecret'],
  ])('refuses bad input and writes nothing (%#)', async (input, path) => {
    const result = await dispatch(core.handlers, 'insurer:configure', input)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', path } })
    expect(JSON.stringify(result)).not.toContain('top-secret-value')
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM insurers').get()).toEqual({
      n: 0,
    })
    expect((await secrets.entries())['insurer:acme:clientSecret']).toBeNull()
  })

  it('allows plain http on loopback (a local test server)', async () => {
    const result = await dispatch(core.handlers, 'insurer:configure', {
      ...INPUT,
      baseUrl: 'http://127.0.0.1:8787',
    })
    expect(result.ok).toBe(true)
  })

  it('writes nothing when the OS secret store is unavailable', async () => {
    const failing: SecretStore = {
      get: async () => null,
      set: async () => {
        throw Object.assign(new Error('no keychain'), { code: 'secret_storage_unavailable' })
      },
      delete: async () => {},
    }
    await core.close()
    core = await startCore({
      databasePath: dir.file('c.sqlite'),
      version: 't',
      seedDemoWhenEmpty: false,
      secrets: failing,
    })
    const result = await dispatch(core.handlers, 'insurer:configure', INPUT)
    expect(result).toMatchObject({ ok: false, error: { code: 'secret_storage_unavailable' } })
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM insurers').get()).toEqual({
      n: 0,
    })
  })
})
