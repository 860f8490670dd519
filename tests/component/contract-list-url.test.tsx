import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Router } from 'wouter'
import type { ContractListRow } from '../../electron/common/api/contract'
import { ContractsScreen } from '../../renderer/src/features/contracts/ContractsScreen'
import { formatListQuery, parseListQuery } from '../../renderer/src/features/contracts/list-url'
import { contractsListPath } from '../../renderer/src/features/contracts/use-list-url'
import { useHashQueryLocation } from '../../renderer/src/shell/hash-location'
import { createFakeApi, makeRow } from './fake-api'
import { render } from './render'

const BOOK: ContractListRow[] = [
  makeRow({ id: 1, clientName: '山田　太郎', clientKana: 'ヤマダ　タロウ', flow: 'A' }),
  makeRow({ id: 2, clientName: '田中　花子', clientKana: 'タナカ　ハナコ', flow: 'B' }),
]

/** The screen under the app's own hash router, opened at `hash`. */
function openAt(hash: string) {
  window.location.hash = hash
  const api = createFakeApi({ rows: BOOK })
  render(
    <Router hook={useHashQueryLocation}>
      <ContractsScreen />
    </Router>,
    { api },
  )
  return api
}

const lastRequest = (api: ReturnType<typeof createFakeApi>) => api.contracts.list.mock.lastCall?.[0]
const hashQuery = () => window.location.hash.split('?')[1] ?? ''

describe('契約一覧 state in the URL', () => {
  it('URL → state: filters, search and sort from a link; unknown keys and bad items ignored', async () => {
    const api = openAt(
      '#/contracts?flow=B&urgency=d3,nope,d7&q=%EF%BE%94%EF%BE%8F&sort=clientKana&dir=desc&colour=red',
    )
    await waitFor(() =>
      expect(lastRequest(api)).toMatchObject({
        filters: { flow: 'B', urgency: ['d3', 'd7'], search: 'ﾔﾏ' },
        sort: { key: 'clientKana', direction: 'desc' },
      }),
    )
    expect(lastRequest(api)?.filters).not.toHaveProperty('colour')
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('ﾔﾏ')
    // The panel opens on its own to show what narrows the list.
    expect(screen.getByTestId('filter-toggle').getAttribute('aria-expanded')).toBe('true')
    expect(contractsListPath()).toBe(
      '/contracts?urgency=d3,d7&flow=B&q=%EF%BE%94%EF%BE%8F&sort=clientKana&dir=desc',
    )
  })

  it('never crashes on garbage: bad dates, enums, escapes and an over-long search are dropped', async () => {
    const api = openAt(
      `#/contracts?maturityFrom=2026-13-01&flow=Z&staff=%E0%A4%A&sort=nope&q=${'x'.repeat(101)}`,
    )
    await screen.findByTestId('contract-filter-bar')
    await waitFor(() => expect(lastRequest(api)).toBeDefined())
    expect(lastRequest(api)).toMatchObject({
      filters: {},
      sort: { key: 'cutoff', direction: 'asc' },
    })
  })

  it('state → URL: a filter pushes a history entry, typing replaces it, back restores', async () => {
    const api = openAt('#/contracts')
    await waitFor(() => expect(lastRequest(api)).toBeDefined())
    const entries = history.length

    fireEvent.click(screen.getByTestId('filter-toggle'))
    fireEvent.click(await screen.findByTestId('filter-flow'))
    fireEvent.click(await screen.findByRole('option', { name: /^B: / }))
    await waitFor(() => expect(hashQuery()).toBe('flow=B'))
    expect(history.length).toBe(entries + 1)

    const box = screen.getByRole('searchbox')
    for (const text of ['ﾔ', 'ﾔﾏ', 'ﾔﾏﾀﾞ']) fireEvent.change(box, { target: { value: text } })
    await waitFor(() => expect(hashQuery()).toBe('flow=B&q=%EF%BE%94%EF%BE%8F%EF%BE%80%EF%BE%9E'))
    // Typing a name is not three steps to go back through.
    expect(history.length).toBe(entries + 1)
    await waitFor(() => expect(lastRequest(api)?.filters).toEqual({ flow: 'B', search: 'ﾔﾏﾀﾞ' }))

    const header = screen.getByRole('columnheader', { name: /満期日/ })
    fireEvent.click(header.querySelector('button')!)
    await waitFor(() => expect(hashQuery()).toContain('sort=maturity&dir=asc'))

    // Back undoes the sort, then the filter (with the search typed on top of it).
    await act(async () => history.back())
    await waitFor(() => expect(hashQuery()).toBe('flow=B&q=%EF%BE%94%EF%BE%8F%EF%BE%80%EF%BE%9E'))
    await waitFor(() => expect(lastRequest(api)?.sort).toEqual({ key: 'cutoff', direction: 'asc' }))
    await act(async () => history.back())
    await waitFor(() => expect(hashQuery()).toBe(''))
    await waitFor(() => expect(lastRequest(api)?.filters).toEqual({}))
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('')
  })

  it('round-trips every kind of value, an id with a comma included', () => {
    const state = {
      filters: {
        insurer: ['demo,a', 'demo-b'],
        maturityFrom: '2026-12-01',
        maturityTo: '2026-12-31',
        outbox: 'failed' as const,
      },
      search: '山田 太郎',
      sort: { key: 'maturity' as const, direction: 'desc' as const },
    }
    expect(parseListQuery(formatListQuery(state))).toEqual(state)
    // A reversed range keeps only its start rather than failing the whole request.
    expect(parseListQuery('maturityFrom=2026-12-31&maturityTo=2026-12-01').filters).toEqual({
      maturityFrom: '2026-12-31',
    })
  })
})
