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
    return { rows, total: BIG_TOTAL, offset }
  })
  return api
}

describe('契約一覧 with a large book', () => {
  it('renders only a window of rows and fetches one page', async () => {
    const api = bigBookApi()
    render(<ContractsScreen />, { api })

    await screen.findAllByTestId('contract-row')
    expect(screen.getByTestId('contract-total').textContent).toBe('120,000件')
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe(String(BIG_TOTAL + 1))
    // 600px viewport / 52px rows plus overscan: a few dozen rows, not 120,000.
    expect(screen.getAllByTestId('contract-row').length).toBeLessThan(40)
    await waitFor(() => expect(api.contracts.list).toHaveBeenCalled())
    expect(api.contracts.list.mock.calls.every(([input]) => input.offset === 0)).toBe(true)
  })

  it('End jumps to the last row and fetches only the last page', async () => {
    const api = bigBookApi()
    render(<ContractsScreen />, { api })
    await screen.findAllByTestId('contract-row')
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
