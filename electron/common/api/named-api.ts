import { CHANNELS, type Channel, type InputOf, type OutputOf } from './contract'
import type { Result } from './result'

type AreaOf<C extends string> = C extends `${infer A}:${string}` ? A : never

/** `{ contracts: { list(input) }, app: { info(input) } }`, typed from the contract. */
export type NamedApi<Wrap extends 'result' | 'value'> = {
  [A in AreaOf<Channel>]: {
    [C in Channel as C extends `${A}:${infer V}` ? V : never]: (
      input: InputOf<C>,
    ) => Promise<Wrap extends 'result' ? Result<OutputOf<C>> : OutputOf<C>>
  }
}

/**
 * Builds the named-function view of the contract over any transport (ipcRenderer.invoke
 * in the preload, fetch in the browser), so neither host hand-writes a method list.
 */
export function buildNamedApi<Wrap extends 'result' | 'value'>(
  call: (channel: Channel, input: unknown) => Promise<unknown>,
): NamedApi<Wrap> {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNELS) {
    const [area, verb] = channel.split(':') as [string, string]
    api[area] ??= {}
    api[area][verb] = (input: unknown) => call(channel, input)
  }
  return api as unknown as NamedApi<Wrap>
}
