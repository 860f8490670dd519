import { describe, expect, it } from 'vitest'
import { SEED_RULE_SET } from '../../../electron/common/domain/insurer-rules'
import { InsurerError } from '../../../electron/main/core/insurer/errors'
import {
  clientSecretKey,
  createMemorySecretStore,
  InsurerSettings,
  loadConnectionSettings,
  saveClientSecret,
} from '../../../electron/main/core/insurer/settings'

const settings = InsurerSettings.parse({
  insurerId: 'demo',
  name: 'デモ損保',
  baseUrl: 'http://127.0.0.1:8787',
  clientId: 'agency-1',
  rules: SEED_RULE_SET,
})

describe('insurer settings', () => {
  it('joins the stored secret in for the client only', async () => {
    const secrets = createMemorySecretStore()
    await saveClientSecret(secrets, 'demo', 's3cret')
    const connection = await loadConnectionSettings(settings, secrets, { timeoutMs: 5_000 })
    expect(connection).toEqual({
      insurerId: 'demo',
      baseUrl: 'http://127.0.0.1:8787',
      clientId: 'agency-1',
      clientSecret: 's3cret',
      timeoutMs: 5_000,
    })
    expect(JSON.stringify(settings)).not.toContain('s3cret')
  })

  it('a missing secret is unauthorized (enter the credentials in Settings)', async () => {
    const error = await loadConnectionSettings(settings, createMemorySecretStore()).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InsurerError)
    expect((error as InsurerError).kind).toBe('unauthorized')
  })

  it('the memory store gets, sets and deletes', async () => {
    const store = createMemorySecretStore({ a: '1' })
    expect(await store.get('a')).toBe('1')
    await store.delete('a')
    expect(await store.get('a')).toBeNull()
    await store.set(clientSecretKey('x'), '2')
    expect(await store.get('insurer:x:clientSecret')).toBe('2')
  })

  it('rejects a base URL that is not http(s) and rules that do not parse', () => {
    expect(InsurerSettings.safeParse({ ...settings, baseUrl: 'file:///etc/passwd' }).success).toBe(
      false,
    )
    expect(
      InsurerSettings.safeParse({
        ...settings,
        rules: { ...SEED_RULE_SET, webCutoffTime: '25:00' },
      }).success,
    ).toBe(false)
  })
})
