import { ERROR_CODES, type ErrorCode } from '../../../electron/common/api/result'
import { ApiCallError } from './client'

/** An `errors.*` message key. */
export type ErrorKey = ErrorCode

function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value)
}

/** Picks the message to show for any failure; anything unexpected is `internal`. */
export function errorKeyOf(error: unknown): ErrorKey {
  if (error instanceof ApiCallError && isErrorCode(error.error.code)) return error.error.code
  return 'internal'
}
