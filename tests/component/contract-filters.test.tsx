import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type {
  ContractListRow,
  ListContractsInput,
  SavedView,
} from '../../electron/common/api/contract'
import { normaliseForSearch } from '../../electron/common/domain/search-normalise'
import { ContractsScreen } from '../../renderer/src/features/contracts/ContractsScreen'
import { createFakeApi, makeRow, pageOf } from './fake-api'
import { render } from './render'

const BOOK: ContractListRow[] = [
  makeRow({ id: 1, clientName: '山田　太郎', clientKana: 'ヤマダ　タロウ', flow: 'A' }),
  makeRow({ id: 2, clientName: '田中　花子', clientKana: 'タナカ　ハナコ', flow: 'B' }),
  makeRow({ id: 3, clientName: '山本　一郎', clientKana: 'ヤマモト　イチロウ', flow: 'B' }),
]

/** The core's semantics, small: search by normalised name or kana, and the flow filter. */
function fakeList(input: ListContractsInput) {
  const f = input.filters ?? {}
  const q = f.search ? normaliseForSearch(f.search) : ''
  const rows = BOOK.filter(
    (r) =>
      (!q ||
        normaliseForSearch(r.clientName).includes(q) ||
        normaliseForSearch(r.clientKana).includes(q)) &&
      (!f.flow || r.flow === f.flow),
  )
  return pageOf(rows, input)
}

function setup(views: SavedView[] = []) {
  const api = createFakeApi({ rows: BOOK })
  api.contracts.list.mockImplementation(async (input) => fakeList(input))
  let stored = [...views]
  api.views.list.mockImplementation(async () => ({ views: stored }))
  api.views.save.mockImplementation(async (input) => {
    const view: SavedView = {
      id: stored.length + 10,
      name: input.name,
      filters: input.filters,
      sort: input.sort,
      updatedAt: '2026-11-23T10:00:00+09:00',
    }
    stored = [...stored.filter((v) => v.name !== input.name), view]
    return view
  })
  api.views.delete.mockImplementation(async ({ id }) => {
    stored = stored.filter((v) => v.id !== id)
    return { id }
  })
  render(<ContractsScreen />, { api })
  return api
}

const names = () => screen.queryAllByTestId('contract-row').map((r) => r.textContent ?? '')
const matches = () => screen.getByTestId('contract-matches').getAttribute('data-count')

describe('契約一覧 filters and search', () => {
  it('searches as the user types (first key at once, then debounced): ﾔﾏﾀﾞ finds 山田 through its reading', async () => {
    const api = setup()
    await waitFor(() => expect(names()).toHaveLength(3))
    const box = screen.getByRole('searchbox', { name: '契約を検索' })
    expect(box.getAttribute('placeholder')).toBe('名前（漢字・かな）、証券番号、電話、ナンバー')
    for (const typed of ['ﾔ', 'ﾔﾏ', 'ﾔﾏﾀ', 'ﾔﾏﾀﾞ'])
      fireEvent.change(box, { target: { value: typed } })
    await waitFor(() => expect(names()).toHaveLength(1))
    expect(names()[0]).toContain('山田')
    expect(matches()).toBe('1')
    // The first keystroke asks at once; the burst after it is one request when it stops.
    const searches = api.contracts.list.mock.calls.map(([i]) => i.filters?.search)
    expect(searches.filter((s) => s !== undefined)).toEqual(['ﾔ', 'ﾔﾏﾀﾞ'])
  })

  it('keeps the last rows on screen while a new search loads, then swaps them in place', async () => {
    const api = setup()
    await waitFor(() => expect(names()).toHaveLength(3))
    const screenEl = screen.getByTestId('contracts-screen')
    expect(screenEl.getAttribute('data-applied-search')).toBe('')
    let answer: () => void = () => {}
    api.contracts.list.mockImplementation(
      (input) =>
        new Promise((resolve) => {
          answer = () => resolve(fakeList(input))
        }),
    )
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '田中' } })
    await waitFor(() =>
      expect(api.contracts.list).toHaveBeenLastCalledWith(
        expect.objectContaining({ filters: { search: '田中' } }),
      ),
    )
    // Waiting for the answer: the old rows and count, no placeholders, not yet "applied".
    expect(names()).toHaveLength(3)
    expect(screen.queryAllByTestId('contract-row-placeholder')).toHaveLength(0)
    expect(matches()).toBe('3')
    expect(screenEl.hasAttribute('data-applied-search')).toBe(false)
    act(() => answer())
    await waitFor(() => expect(names()).toHaveLength(1))
    expect(names()[0]).toContain('田中')
    expect(matches()).toBe('1')
    expect(screenEl.getAttribute('data-applied-search')).toBe('田中')
  })

  it("'/' focuses the search box and Escape clears it", async () => {
    setup()
    await waitFor(() => expect(names()).toHaveLength(3))
    const box = screen.getByRole('searchbox')
    fireEvent.keyDown(document.body, { key: '/' })
    expect(document.activeElement).toBe(box)
    fireEvent.change(box, { target: { value: 'やまもと' } })
    await waitFor(() => expect(names()).toHaveLength(1))
    fireEvent.keyDown(box, { key: 'Escape' })
    expect((box as HTMLInputElement).value).toBe('')
    await waitFor(() => expect(names()).toHaveLength(3))
  })

  it('a 1-character query is sent as is', async () => {
    setup()
    await waitFor(() => expect(names()).toHaveLength(3))
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '山' } })
    await waitFor(() => expect(matches()).toBe('2'))
  })

  it('a filter narrows the count; clear-all brings everything back', async () => {
    const api = setup()
    await waitFor(() => expect(matches()).toBe('3'))
    fireEvent.click(screen.getByTestId('filter-toggle'))
    await screen.findByTestId('filter-fields')
    const flow = screen.getByTestId('filter-flow')
    fireEvent.click(flow)
    fireEvent.click(await screen.findByRole('option', { name: /^B: / }))
    await waitFor(() => expect(matches()).toBe('2'))
    expect(api.contracts.list).toHaveBeenLastCalledWith(
      expect.objectContaining({ filters: { flow: 'B' }, offset: 0 }),
    )
    expect(within(screen.getByTestId('filter-toggle')).getByText('1')).toBeTruthy()
    fireEvent.click(screen.getByTestId('filter-clear'))
    await waitFor(() => expect(matches()).toBe('3'))
  })

  it('says what to do when nothing matches', async () => {
    setup()
    await waitFor(() => expect(names()).toHaveLength(3))
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '存在しない名前' } })
    expect(await screen.findByTestId('contracts-no-match')).toBeTruthy()
    fireEvent.click(within(screen.getByTestId('contracts-no-match')).getByRole('button'))
    await waitFor(() => expect(names()).toHaveLength(3))
  })

  it('saves the current filters as a view, applies and deletes it', async () => {
    const api = setup()
    await waitFor(() => expect(names()).toHaveLength(3))
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'やま' } })
    await waitFor(() => expect(matches()).toBe('2'))
    fireEvent.click(screen.getByTestId('saved-views-button'))
    fireEvent.change(await screen.findByTestId('saved-view-name'), {
      target: { value: '山の付く人' },
    })
    fireEvent.click(screen.getByTestId('saved-view-save'))
    await waitFor(() =>
      expect(api.views.save).toHaveBeenCalledWith({
        name: '山の付く人',
        filters: { search: 'やま' },
        sort: { key: 'cutoff', direction: 'asc' },
      }),
    )
    // Start over, then re-apply the saved view.
    fireEvent.click(screen.getByTestId('filter-clear'))
    await waitFor(() => expect(matches()).toBe('3'))
    if (!screen.queryByTestId('saved-views'))
      fireEvent.click(screen.getByTestId('saved-views-button'))
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: '山の付く人' }))
    })
    await waitFor(() => expect(matches()).toBe('2'))
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('やま')
    fireEvent.click(screen.getByTestId('saved-views-button'))
    fireEvent.click(await screen.findByRole('button', { name: 'ビュー「山の付く人」を削除' }))
    await waitFor(() => expect(api.views.delete).toHaveBeenCalledWith({ id: 10 }))
    expect(await screen.findByText(/保存したビューはまだありません/)).toBeTruthy()
  })
})
