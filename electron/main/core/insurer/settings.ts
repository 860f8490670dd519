import { z } from 'zod'
import { InsurerRuleSet } from '../../../common/domain/insurer-rules'
import type { InsurerConnectionSettings } from './adapter'
import { InsurerError } from './errors'

/**
 * What the app stores about an insurer in plain sight (database, settings screen). The
 * client secret is deliberately not here: it lives only in the SecretStore and is joined
 * in by loadConnectionSettings inside the core, so nothing the renderer can call returns it.
 */
export const InsurerSettings = z.object({
  insurerId: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  baseUrl: z.url({ protocol: /^https?$/ }),
  clientId: z.string().min(1).max(255),
  rules: InsurerRuleSet,
})
export type InsurerSettings = z.infer<typeof InsurerSettings>

/**
 * Where secrets live. The Electron shell implements it with safeStorage (OS keychain /
 * DPAPI); the web host and tests use createMemorySecretStore.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
}

/** The SecretStore key under which an insurer's client secret is kept. */
export function clientSecretKey(insurerId: string): string {
  return `insurer:${insurerId}:clientSecret`
}

/** In-process only: forgotten when the process ends. For the web host and tests. */
export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const entries = new Map(Object.entries(initial))
  return {
    get: async (key) => entries.get(key) ?? null,
    set: async (key, value) => {
      entries.set(key, value)
    },
    delete: async (key) => {
      entries.delete(key)
    },
  }
}

export async function saveClientSecret(
  secrets: SecretStore,
  insurerId: string,
  clientSecret: string,
): Promise<void> {
  await secrets.set(clientSecretKey(insurerId), clientSecret)
}

/**
 * Settings plus secret, for createHttpInsurerClient only. A missing secret is reported as
 * 'unauthorized' (the message tells staff to enter the credentials in Settings).
 */
export async function loadConnectionSettings(
  settings: InsurerSettings,
  secrets: SecretStore,
  options: Pick<InsurerConnectionSettings, 'timeoutMs' | 'maxAttempts' | 'maxElapsedMs'> = {},
): Promise<InsurerConnectionSettings> {
  const clientSecret = await secrets.get(clientSecretKey(settings.insurerId))
  if (!clientSecret) {
    throw new InsurerError('unauthorized', { operation: 'loadConnectionSettings' })
  }
  return {
    insurerId: settings.insurerId,
    baseUrl: settings.baseUrl,
    clientId: settings.clientId,
    clientSecret,
    ...options,
  }
}
