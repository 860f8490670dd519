import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

/** What the shell needs from Electron's safeStorage; passed in so tests run in plain Node. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

/** Same shape as the core's SecretStore capability (electron/main/core/insurer/settings.ts). */
export interface ShellSecretStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
}

export class SecretStorageUnavailableError extends Error {
  readonly code = 'secret_storage_unavailable'
  constructor() {
    super(
      'OSの資格情報ストア（キーチェーン等）が使えないため、保険会社の認証情報を保存できません。' +
        ' / The OS credential store (Keychain, DPAPI, libsecret) is unavailable, so insurer credentials cannot be stored.',
    )
  }
}

/**
 * Insurer credentials, encrypted by the OS (DPAPI on Windows, Keychain on macOS) through
 * safeStorage and kept in one file in userData. Never stored in plain text: when the OS
 * offers no encryption we refuse rather than fall back. The renderer never sees them.
 */
export function createSafeStorageSecretStore(
  safeStorage: SafeStorageLike,
  file: string,
): ShellSecretStore {
  const read = (): Record<string, string> =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {}
  const write = (entries: Record<string, string>) => {
    // Write-then-rename: a crash mid-write never leaves a truncated secrets file.
    writeFileSync(`${file}.tmp`, JSON.stringify(entries), { mode: 0o600 })
    renameSync(`${file}.tmp`, file)
  }
  return {
    async get(key) {
      const encrypted = read()[key]
      if (encrypted === undefined) return null
      if (!safeStorage.isEncryptionAvailable()) throw new SecretStorageUnavailableError()
      return safeStorage.decryptString(Buffer.from(encrypted, 'base64'))
    },
    async set(key, value) {
      if (!safeStorage.isEncryptionAvailable()) throw new SecretStorageUnavailableError()
      write({ ...read(), [key]: safeStorage.encryptString(value).toString('base64') })
    },
    async delete(key) {
      const entries = read()
      delete entries[key]
      write(entries)
    },
  }
}
