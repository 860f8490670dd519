import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { ContractsScreen } from '../../renderer/src/features/contracts/ContractsScreen'
import { createFakeApi, makeRow } from './fake-api'
import { render } from './render'

const BOOK = [
  makeRow({ id: 11, webCutoffAt: '2027-03-30T23:55:00+09:00' }),
  makeRow({ id: 12, webCutoffAt: '2027-04-30T23:55:00+09:00' }),
]

function setup() {
  const location = memoryLocation({ path: '/contracts', record: true })
  render(
    <Router hook={location.hook}>
      <ContractsScreen />
    </Router>,
    { api: createFakeApi({ rows: BOOK }) },
  )
  return location
}

describe('opening a contract from the list', () => {
  it('opens the active row with Enter', async () => {
    const location = setup()
    await screen.findAllByTestId('contract-row')
    const list = screen.getByTestId('contract-list')
    list.focus()
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: 'Enter' })
    await waitFor(() => expect(location.history.at(-1)).toBe('/contracts/12'))
  })

  it('opens a row on double click', async () => {
    const location = setup()
    const rows = await screen.findAllByTestId('contract-row')
    fireEvent.doubleClick(rows[0]!)
    await waitFor(() => expect(location.history.at(-1)).toBe('/contracts/11'))
  })
})
