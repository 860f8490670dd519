import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi, type Mock } from 'vitest'
import { CHANNELS, type Handlers } from '../../../electron/common/api/contract'
import { AppError } from '../../../electron/main/core/api/app-error'
import { dispatch } from '../../../electron/main/core/api/dispatch'
import { setLogSink } from '../../../electron/main/core/logger'
import {
  bindContract,
  isTrustedSender,
  type IpcMainLike,
} from '../../../electron/main/shell/ipc/validated-ipc'

const TRUSTED = ['app://renderer']

/** Every contract method as a spy; the wrapper tests only look at contracts:list. */
function fakeHandlers() {
  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, vi.fn(async () => ({}))]))
  const page = { rows: [], offset: 0 }
  return { ...handlers, 'contracts:list': vi.fn(async () => page) } as unknown as Handlers & {
    'contracts:list': Mock<Handlers['contracts:list']>
  }
}

/** A stand-in for ipcMain that records handlers so the test can invoke them. */
function fakeIpc() {
  const listeners = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>()
  const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) }
  const invoke = (channel: string, event: unknown, input: unknown) =>
    listeners.get(channel)?.(event as IpcMainInvokeEvent, input)
  return { ipc, listeners, invoke }
}

const mainFrame = (url: string) => ({ senderFrame: { url, parent: null } })

describe('bindContract (IPC host)', () => {
  it('registers exactly the contract channels', () => {
    const { ipc, listeners } = fakeIpc()
    bindContract(ipc, fakeHandlers(), TRUSTED)
    expect([...listeners.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(CHANNELS).toContain('contracts:list')
  })

  it('answers a trusted call with an ok envelope', async () => {
    const { ipc, invoke } = fakeIpc()
    const handlers = fakeHandlers()
    bindContract(ipc, handlers, TRUSTED)
    const result = await invoke('contracts:list', mainFrame('app://renderer/index.html'), {
      limit: 10,
    })
    expect(result).toEqual({ ok: true, value: { rows: [], offset: 0 } })
    // The handler gets the parsed input, defaults filled in.
    expect(handlers['contracts:list']).toHaveBeenCalledWith({
      sort: { key: 'cutoff', direction: 'asc' },
      offset: 0,
      limit: 10,
      filters: {},
    })
  })

  it.each([
    ['another origin', mainFrame('https://evil.example/index.html')],
    ['a file: page', mainFrame('file:///tmp/x.html')],
    ['a sub-frame of our page', { senderFrame: { url: 'app://renderer/index.html', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s with forbidden, and the handler is never reached', async (_label, event) => {
    setLogSink(() => {})
    const { ipc, invoke } = fakeIpc()
    const handlers = fakeHandlers()
    bindContract(ipc, handlers, TRUSTED)
    const result = await invoke('contracts:list', event, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(handlers['contracts:list']).not.toHaveBeenCalled()
  })

  it('refuses bad input with invalid_input naming the field, and the handler is never reached', async () => {
    const { ipc, invoke } = fakeIpc()
    const handlers = fakeHandlers()
    bindContract(ipc, handlers, TRUSTED)
    const result = await invoke('contracts:list', mainFrame('app://renderer/'), {
      sort: { key: 'premium', direction: 'asc' },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'sort.key' } })
    expect(handlers['contracts:list']).not.toHaveBeenCalled()
  })
})

describe('isTrustedSender', () => {
  it('compares scheme and host, not a prefix', () => {
    expect(isTrustedSender(mainFrame('app://renderer/a'), TRUSTED)).toBe(true)
    expect(isTrustedSender(mainFrame('app://renderer.evil/a'), TRUSTED)).toBe(false)
    expect(isTrustedSender(mainFrame('not a url'), TRUSTED)).toBe(false)
  })
})

describe('dispatch (shared by both hosts)', () => {
  it('answers an unknown method without calling anything', async () => {
    const handlers = fakeHandlers()
    const result = await dispatch(handlers, 'contracts:drop', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ extra: true }, ''],
    [null, ''],
  ])('refuses %j', async (input, path) => {
    const handlers = fakeHandlers()
    const result = await dispatch(handlers, 'contracts:list', input)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', path } })
    expect(handlers['contracts:list']).not.toHaveBeenCalled()
  })

  it('turns an AppError into its code and a crash into internal, without leaking the message', async () => {
    const lines: string[] = []
    setLogSink((line) => lines.push(line))
    const handlers = fakeHandlers()
    handlers['contracts:list'].mockRejectedValueOnce(new AppError('not_found', 'No such contract.'))
    expect(await dispatch(handlers, 'contracts:list', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such contract.' },
    })
    handlers['contracts:list'].mockRejectedValueOnce(new Error('山田 太郎 090-1234-5678'))
    const crashed = await dispatch(handlers, 'contracts:list', {})
    expect(crashed).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(crashed)).not.toContain('山田')
    expect(lines.join('\n')).not.toContain('山田')
  })

  it('refuses handler output outside the contract', async () => {
    setLogSink(() => {})
    const handlers = fakeHandlers()
    handlers['contracts:list'].mockResolvedValueOnce({ rows: 'nope', total: 0, offset: 0 } as never)
    expect(await dispatch(handlers, 'contracts:list', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_output' },
    })
  })
})
