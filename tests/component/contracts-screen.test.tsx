import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { URGENCY_BUCKETS } from '../../electron/common/domain/insurer-rules'
import { ApiCallError } from '../../renderer/src/api/client'
import { ContractsScreen } from '../../renderer/src/features/contracts/ContractsScreen'
import { createFakeApi, makeRow } from './fake-api'
import { render } from './render'

const BOOK = [
  makeRow({
    id: 1,
    policyNumber: 'A-0003',
    maturityDate: '2027-04-01',
    webCutoffAt: '2027-03-30T23:55:00+09:00',
  }),
  makeRow({
    id: 2,
    policyNumber: 'A-0001',
    maturityDate: '2027-05-10',
    webCutoffAt: '2027-05-08T23:55:00+09:00',
  }),
  makeRow({
    id: 3,
    policyNumber: 'A-0002',
    maturityDate: '2027-01-02',
    webCutoffAt: '2026-12-31T23:55:00+09:00',
  }),
]

function policyNumbers(): string[] {
  return screen.getAllByTestId('policy-number').map((el) => el.textContent ?? '')
}

function columnHeader(name: string): HTMLElement {
  const button = screen.getByRole('button', { name: new RegExp(name) })
  const header = button.closest<HTMLElement>('[role="columnheader"]')
  if (!header) throw new Error(`no columnheader around ${name}`)
  return header
}

describe('契約一覧', () => {
  it('renders the rows the API returns, with Japan-time dates and the total', async () => {
    const api = createFakeApi({ rows: BOOK })
    render(<ContractsScreen />, { api })

    await waitFor(() => expect(screen.getAllByTestId('contract-row')).toHaveLength(3))
    // Default order is the web deadline, soonest first.
    expect(policyNumbers()).toEqual(['A-0002', 'A-0003', 'A-0001'])
    expect(api.contracts.list).toHaveBeenCalledWith({
      sort: { key: 'cutoff', direction: 'asc' },
      offset: 0,
      limit: 200,
      filters: {},
    })
    expect(screen.getByTestId('contract-total').textContent).toBe('3件')
    const first = screen.getAllByTestId('contract-row')[0]!
    expect(within(first).getByTestId('maturity').textContent).toBe('2027/01/02')
    expect(within(first).getByTestId('web-cutoff').textContent).toBe('2026/12/31 23:55')
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('4')
    expect(first.getAttribute('aria-rowindex')).toBe('2')
  })

  it('sorts on header click: calls the API with the new sort and moves aria-sort', async () => {
    const api = createFakeApi({ rows: BOOK })
    render(<ContractsScreen />, { api })
    await waitFor(() => expect(screen.getAllByTestId('contract-row')).toHaveLength(3))
    expect(columnHeader('Web手続き期限').getAttribute('aria-sort')).toBe('ascending')

    fireEvent.click(screen.getByRole('button', { name: /満期日/ }))
    await waitFor(() =>
      expect(api.contracts.list).toHaveBeenLastCalledWith({
        sort: { key: 'maturity', direction: 'asc' },
        offset: 0,
        limit: 200,
        filters: {},
      }),
    )
    expect(columnHeader('満期日').getAttribute('aria-sort')).toBe('ascending')
    expect(columnHeader('Web手続き期限').hasAttribute('aria-sort')).toBe(false)
    await waitFor(() => expect(policyNumbers()).toEqual(['A-0002', 'A-0003', 'A-0001']))

    fireEvent.click(screen.getByRole('button', { name: /満期日/ }))
    await waitFor(() =>
      expect(api.contracts.list).toHaveBeenLastCalledWith({
        sort: { key: 'maturity', direction: 'desc' },
        offset: 0,
        limit: 200,
        filters: {},
      }),
    )
    expect(columnHeader('満期日').getAttribute('aria-sort')).toBe('descending')
    await waitFor(() => expect(policyNumbers()).toEqual(['A-0001', 'A-0003', 'A-0002']))
  })

  it('uses real buttons for sortable headers and plain headers for the others', async () => {
    render(<ContractsScreen />, { api: createFakeApi({ rows: BOOK }) })
    await screen.findAllByTestId('contract-row')
    for (const name of ['証券番号', 'お客様', '満期日', 'Web手続き期限', '現在のステップ']) {
      expect(screen.getByRole('button', { name: new RegExp(name) }).tagName).toBe('BUTTON')
    }
    expect(screen.queryByRole('button', { name: /お車/ })).toBeNull()
    expect(screen.getAllByRole('columnheader')).toHaveLength(7)
  })

  it('labels each urgency bucket', async () => {
    const rows = URGENCY_BUCKETS.map((urgency, i) => makeRow({ id: i + 1, urgency }))
    render(<ContractsScreen />, { api: createFakeApi({ rows }) })
    await waitFor(() => expect(screen.getAllByTestId('urgency')).toHaveLength(6))
    const byBucket = Object.fromEntries(
      screen.getAllByTestId('urgency').map((el) => [el.dataset.urgency, el.textContent]),
    )
    expect(byBucket).toEqual({
      closed: '期限切れ',
      d3: '残り3日以内',
      d7: '7日以内',
      d14: '14日以内',
      d30: '30日以内',
      later: 'それ以降',
    })
  })

  it('shows how a finished contract ended instead of an urgency', async () => {
    const rows = [
      makeRow({ id: 1, urgency: null, renewalStatus: 'renewed', renewalChannel: 'agency' }),
      makeRow({ id: 2, urgency: null, renewalStatus: 'renewed', renewalChannel: 'web' }),
      makeRow({ id: 3, urgency: null, renewalStatus: 'lapsed' }),
      makeRow({ id: 4, urgency: 'closed', renewalStatus: 'in_progress' }),
    ]
    render(<ContractsScreen />, { api: createFakeApi({ rows }) })
    await waitFor(() => expect(screen.getAllByTestId('outcome')).toHaveLength(3))
    expect(screen.getAllByTestId('outcome').map((el) => el.textContent)).toEqual([
      '代理店で更新済',
      'Web更新済',
      '無保険',
    ])
    expect(screen.getAllByTestId('urgency').map((el) => el.textContent)).toEqual(['期限切れ'])
    // The status itself is in a tooltip, put around the badge on the first pointing.
    expect(screen.queryByRole('tooltip')).toBeNull()
    fireEvent.mouseEnter(screen.getAllByTestId('outcome')[2]!)
    expect((await screen.findByRole('tooltip')).textContent).toBe('満期切れ（無保険）')
  })

  it('names the step, and the screen during the procedure', async () => {
    const rows = [
      makeRow({ id: 1, step: 'a2_login' }),
      makeRow({ id: 2, flow: 'B', step: 'b2_provisional' }),
      makeRow({ id: 3, step: 'a3_procedure', screen: 'vehicle' }),
    ]
    render(<ContractsScreen />, { api: createFakeApi({ rows }) })
    expect(await screen.findByText('STEP② 初回ログイン')).toBeTruthy()
    expect(screen.getByText('仮登録（24時間以内に本登録）')).toBeTruthy()
    expect(screen.getByText('画面: お車に関する情報')).toBeTruthy()
  })

  it('moves the active row with the keyboard', async () => {
    render(<ContractsScreen />, { api: createFakeApi({ rows: BOOK }) })
    await waitFor(() => expect(screen.getAllByTestId('contract-row')).toHaveLength(3))
    const list = screen.getByTestId('contract-list')
    const active = () =>
      list.querySelector('[aria-current="true"] [data-testid="policy-number"]')?.textContent

    list.focus()
    expect(active()).toBe('A-0002')
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(active()).toBe('A-0003')
    fireEvent.keyDown(list, { key: 'End' })
    expect(active()).toBe('A-0001')
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(active()).toBe('A-0001')
    fireEvent.keyDown(list, { key: 'Home' })
    expect(active()).toBe('A-0002')
  })

  it('shows what to do when there are no contracts', async () => {
    render(<ContractsScreen />, { api: createFakeApi({ rows: [] }) })
    expect(await screen.findByText('契約がありません')).toBeTruthy()
    expect(screen.getByTestId('contracts-empty').textContent).toContain('seed-demo')
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('explains an error by its code and retries', async () => {
    const api = createFakeApi({ rows: BOOK })
    api.contracts.list.mockRejectedValueOnce(
      new ApiCallError({ code: 'backend_unreachable', message: 'contracts:list: no answer' }),
    )
    render(<ContractsScreen />, { api })

    const alert = await screen.findByTestId('contracts-error')
    expect(alert.textContent).toContain('契約一覧を読み込めませんでした')
    expect(alert.textContent).toContain('アプリのデータ処理部に接続できません')

    fireEvent.click(within(alert).getByRole('button', { name: '再試行' }))
    await waitFor(() => expect(screen.getAllByTestId('contract-row')).toHaveLength(3))
    expect(screen.queryByTestId('contracts-error')).toBeNull()
  })

  it('picks the message from the error code', async () => {
    const api = createFakeApi()
    api.contracts.list.mockRejectedValue(new ApiCallError({ code: 'unauthorized', message: 'x' }))
    render(<ContractsScreen />, { api })
    expect((await screen.findByTestId('contracts-error')).textContent).toContain(
      '接続の認証が切れました',
    )
  })

  it('speaks English when asked', async () => {
    render(<ContractsScreen />, { api: createFakeApi({ rows: BOOK }), language: 'en' })
    await screen.findAllByTestId('contract-row')
    expect(screen.getByRole('button', { name: /Policy no\./ })).toBeTruthy()
    expect(screen.getByTestId('contract-total').textContent).toBe('3 total')
  })
})
