import type { ChangePage, Contract, ContractPage, Reissue, ReissueRequest } from './wire'

/**
 * What the sync engine needs from an insurer. The HTTP client (http-client.ts) implements
 * it for the Renewal Desk API; a real insurer's own protocol plugs in behind the same shape.
 * Every method either resolves with validated data or rejects with an InsurerError.
 */
export interface InsurerAdapter {
  listContracts(page: { cursor?: string; limit?: number }): Promise<ContractPage>
  getContract(
    policyNumber: string,
    etag?: string,
  ): Promise<{ contract: Contract; etag: string } | { notModified: true }>
  listChanges(page: { cursor?: string; limit?: number }): Promise<ChangePage>
  /**
   * The key makes the POST safe to repeat: the caller stores it with its outbox row and sends
   * the same key on every retry, across restarts, until the insurer has answered.
   */
  requestReissue(
    policyNumber: string,
    request: ReissueRequest,
    idempotencyKey: string,
  ): Promise<Reissue>
  getReissue(id: string): Promise<Reissue>
  /** Cheap connectivity check for the status bar: fetch a token (and nothing else). */
  ping(): Promise<void>
}

/** Core-only: carries the client secret, so it never crosses to the renderer. */
export interface InsurerConnectionSettings {
  insurerId: string
  baseUrl: string
  clientId: string
  clientSecret: string
  /** Per-request timeout; default 15 s. */
  timeoutMs?: number
  /** Attempts per call including the first; default 5. */
  maxAttempts?: number
  /** No retry starts past this time since the call began; default 90 s. */
  maxElapsedMs?: number
}
