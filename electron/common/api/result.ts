/**
 * Every contract call answers with an envelope instead of throwing across the process
 * boundary (after Signal's wrapResult): errors keep their code, and nothing the renderer
 * receives can carry a stack trace or a stray object.
 */
export const ERROR_CODES = [
  'unknown_method',
  'invalid_input',
  'forbidden',
  'unauthorized',
  'not_found',
  'invalid_output',
  'internal',
  // A staff request refused by a business rule (duplicate, wrong flow, already sent…);
  // the message says which and what to do.
  'request_refused',
  // The OS credential store (Keychain, DPAPI, libsecret) cannot be used on this machine.
  'secret_storage_unavailable',
  // Raised by the renderer's transport when the backend does not answer at all.
  'backend_unreachable',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  /** For people: says what happened and what to do. Never contains personal data. */
  message: string
  /** For invalid_input: where the input was wrong, e.g. "sort.key". */
  path?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (error: ApiError): Result<never> => ({ ok: false, error })
