import type { ErrorCode } from '../../../common/api/result'

/** A failure the user can act on; its message reaches the UI as is, so no personal data. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
