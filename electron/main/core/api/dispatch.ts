import { apiContract, isChannel, type Handlers } from '../../../common/api/contract'
import { fail, ok, type Result } from '../../../common/api/result'
import { createLogger } from '../logger'
import { AppError } from './app-error'

const log = createLogger('dispatch')

/**
 * The single entry for every contract call, shared by the IPC and web hosts: unknown
 * methods and invalid input are answered with an error envelope before any handler runs,
 * and a handler's own failure never escapes as a raw exception.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  raw: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'unknown_method', message: `Unknown method "${channel.slice(0, 64)}".` })
  }
  const spec = apiContract[channel]
  const input = spec.input.safeParse(raw)
  if (!input.success) {
    const issue = input.error.issues[0]
    const path = issue?.path.join('.') ?? ''
    return fail({
      code: 'invalid_input',
      message: `${channel}: ${path || '(input)'}: ${issue?.message ?? 'invalid'}`,
      path,
    })
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    const value = await handler(input.data)
    const output = spec.output.safeParse(value)
    if (!output.success) {
      // A bug on our side: say so without echoing the data, which may be personal.
      log.error('handler returned data outside the contract', {
        channel,
        path: output.error.issues[0]?.path.join('.'),
      })
      return fail({ code: 'invalid_output', message: `${channel}: internal data error.` })
    }
    return ok(output.data)
  } catch (error) {
    if (error instanceof AppError) return fail({ code: error.code, message: error.message })
    log.error('handler failed', {
      channel,
      error: error instanceof Error ? error.name : typeof error,
    })
    return fail({ code: 'internal', message: `${channel}: unexpected error; see the log.` })
  }
}
