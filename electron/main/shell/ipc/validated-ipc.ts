import type { IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type Handlers } from '../../../common/api/contract'
import { fail, type Result } from '../../../common/api/result'
import { dispatch } from '../../core/api/dispatch'
import { createLogger } from '../../core/logger'

const log = createLogger('ipc')

/** The part of ipcMain we use, passed in so this runs under vitest without Electron. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void
}

/** The parts of an invoke event the sender check reads. */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null
}

/**
 * `new URL('app://renderer/x').origin` is "null" for non-special schemes, so compare
 * scheme + host ourselves.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return null
  }
}

/** Only our own renderer, in the window's main frame (not an iframe), may call the backend. */
export function isTrustedSender(event: SenderEvent, trustedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  const origin = originOf(frame.url)
  return origin !== null && trustedOrigins.includes(origin)
}

/**
 * Registers every contract method on IPC (after VS Code's validatedIpcMain): a foreign
 * sender gets `forbidden` and the handler is never reached; input validation, unknown
 * methods and error envelopes are the shared dispatcher's job.
 */
export function bindContract(
  ipc: IpcMainLike,
  handlers: Handlers,
  trustedOrigins: readonly string[],
): void {
  for (const channel of CHANNELS) {
    ipc.handle(channel, async (event, input): Promise<Result<unknown>> => {
      if (!isTrustedSender(event as unknown as SenderEvent, trustedOrigins)) {
        log.warn('call from an untrusted sender refused', { channel })
        return fail({ code: 'forbidden', message: `${channel}: caller not allowed.` })
      }
      return dispatch(handlers, channel, input)
    })
  }
}
