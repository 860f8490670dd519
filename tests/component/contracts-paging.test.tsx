import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ContractListRow } from '../../electron/common/api/contract'
import { HEADER_HEIGHT, ROW_HEIGHT } from '../../renderer/src/features/contracts/columns'
import { ContractsScreen } from '../../renderer/src/features/contracts/ContractsScreen'
import { createFakeApi, makeRow } from './fake-api'
import { render } from './render'

const BIG_TOTAL = 120_000

/** Answers like the core would, without building 120,000 rows in memory. */
function bigBookApi() {
  const api = createFakeApi()
  api.contracts.list.mockImplementation(async ({ offset = 0, limit = 100 }) => {
    const rows: ContractListRow[] = []
    for (let i = offset; i < Math.min(offset + limit, BIG_TOTAL); i++) {
      rows.push(makeRow({ id: i + 1, policyNumber: `P-${i + 1}` }))
    }
    return { rows, offset }
  })
  api.contracts.count.mockImplementation(async () => ({ total: BIG_TOTAL, totalCapped: false }))
  return api
}

describe('契約一覧 with a large book', () => {
  it('paints the first page before the count answers, then makes room for every row', async () => {
    const api = bigBookApi()
    let answerCount: (value: { total: number; totalCapped: boolean }) => void = () => {}
    api.contracts.count.mockImplementation(() => new Promise((resolve) => (answerCount = resolve)))
    render(<ContractsScreen />, { api })

    await screen.findAllByTestId('contract-row')
    const table = screen.getByRole('table')
    // Room for the rows at hand (one page) while the count is on its way; no number yet.
    expect(table.getAttribute('aria-rowcount')).toBe(String(200 + 1))
    expect(screen.queryByTestId('contract-total')).toBeNull()
    expect(screen.getByTestId('contract-matches').textContent).toBe('')
    expect(api.contracts.count).toHaveBeenCalledWith({ filters: {} })
    expect(screen.queryByTestId('contract-matches-capped-hint')).toBeNull()

    answerCount({ total: BIG_TOTAL, totalCapped: false })
    await waitFor(() => expect(screen.getByTestId('contract-total').textContent).toBe('120,000件'))
    expect(table.getAttribute('aria-rowcount')).toBe(String(BIG_TOTAL + 1))
  })

  it('takes a search’s count from its page, without asking for it again', async () => {
    const api = bigBookApi()
    const list = api.contracts.list.getMockImplementation()!
    api.contracts.list.mockImplementation(async (input) => ({
      ...(await list(input)),
      ...(input.filters?.search ? { searchMatches: { total: 1000, totalCapped: true } } : {}),
    }))
    render(<ContractsScreen />, { api })
    await waitFor(() => expect(screen.getByTestId('contract-total').textContent).toBe('120,000件'))
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'タナカ' } })
    await waitFor(() =>
      expect(screen.getByTestId('contract-matches').textContent).toBe('該当 1,000件以上'),
    )
    // The list holds only the first 1,000 it found: the screen says so, and how to narrow.
    expect(screen.getByTestId('contract-matches-capped-hint').textContent).toBe(
      '一致が多いため、1,000件までを並べています。語を足すか、条件で絞り込んでください。',
    )
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('1001')
    expect(api.contracts.count.mock.calls).toEqual([[{ filters: {} }]])
  })

  it('does not ask for a count when the first page holds the whole list', async () => {
    const api = createFakeApi({ rows: [makeRow({ id: 1 }), makeRow({ id: 2 })] })
    render(<ContractsScreen />, { api })
    await waitFor(() => expect(screen.getByTestId('contract-total').textContent).toBe('2件'))
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('3')
    expect(api.contracts.count).not.toHaveBeenCalled()
  })

  it('renders only a window of rows and fetches one page', async () => {
    const api = bigBookApi()
    render(<ContractsScreen />, { api })

    await screen.findAllByTestId('contract-row')
    await waitFor(() => expect(screen.getByTestId('contract-total').textContent).toBe('120,000件'))
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(BIG_TOTAL + 1))
    // 600px viewport / 52px rows plus overscan: a few dozen rows, not 120,000.
    expect(screen.getAllByTestId('contract-row').length).toBeLessThan(40)
    await waitFor(() => expect(api.contracts.list).toHaveBeenCalled())
    expect(api.contracts.list.mock.calls.every(([input]) => input.offset === 0)).toBe(true)
  })

  it('End jumps to the last row and fetches only the last page', async () => {
    const api = bigBookApi()
    render(<ContractsScreen />, { api })
    // End goes to the last of all the rows: wait for the count to know where that is.
    await waitFor(() =>
      expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(BIG_TOTAL + 1)),
    )
    const list = screen.getByTestId('contract-list')
    // jsdom has no layout: tell it how tall the scrolled content is.
    Object.defineProperty(list, 'scrollHeight', {
      get: () => HEADER_HEIGHT + BIG_TOTAL * ROW_HEIGHT,
    })
    list.focus()
    fireEvent.keyDown(list, { key: 'End' })

    await waitFor(() => expect(screen.getByText(`P-${BIG_TOTAL}`)).toBeTruthy())
    const offsets = api.contracts.list.mock.calls.map(([input]) => input.offset)
    expect(offsets).toEqual([0, BIG_TOTAL - 200])
    const last = screen.getByText(`P-${BIG_TOTAL}`).closest('[role="row"]')
    expect(last?.getAttribute('aria-current')).toBe('true')
    expect(last?.getAttribute('aria-rowindex')).toBe(String(BIG_TOTAL + 1))
  })
})
