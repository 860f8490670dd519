import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createSafeStorageSecretStore,
  SecretStorageUnavailableError,
  type SafeStorageLike,
} from '../../../electron/main/shell/secret-store'
import { tempDir } from '../../support/temp-db'

/** A reversible stand-in for the OS encryption: enough to prove nothing is stored in clear. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
  }
}

let dir: ReturnType<typeof tempDir>
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

describe('safeStorage secret store', () => {
  it('round-trips a secret without writing it in clear', async () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(), dir.file('secrets.json'))
    await store.set('insurer:demo-a:clientSecret', 's3cr3t-value')
    expect(await store.get('insurer:demo-a:clientSecret')).toBe('s3cr3t-value')
    expect(readFileSync(dir.file('secrets.json'), 'utf8')).not.toContain('s3cr3t-value')
    await store.delete('insurer:demo-a:clientSecret')
    expect(await store.get('insurer:demo-a:clientSecret')).toBeNull()
  })

  it('refuses to store when the OS offers no encryption', async () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(false), dir.file('secrets.json'))
    await expect(store.set('k', 'v')).rejects.toBeInstanceOf(SecretStorageUnavailableError)
  })
})
