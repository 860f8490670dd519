import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AppLayout } from '../../renderer/src/shell/AppLayout'
import { createFakeApi, MANAGER, STAFF } from './fake-api'
import { render } from './render'

describe('who is using the app', () => {
  it('asks on first start, grouped by branch, and opens the app for the chosen staff member', async () => {
    const api = createFakeApi({ session: { current: null, staff: [STAFF, MANAGER] } })
    render(<AppLayout />, { api })
    expect(await screen.findByRole('heading', { name: '担当者を選んでください' })).toBeTruthy()
    const start = screen.getByRole('button', { name: 'この担当者で始める' })
    expect(start.hasAttribute('disabled')).toBe(true)
    const who = screen
      .getAllByLabelText('担当者')
      .find((e): e is HTMLInputElement => e instanceof HTMLInputElement)
    if (!who) throw new Error('no staff input')
    fireEvent.click(who)
    fireEvent.click(await screen.findByRole('option', { name: '田中 部長（支店長）' }))
    fireEvent.click(start)
    await waitFor(() => expect(api.session.signIn).toHaveBeenCalledWith({ staffId: MANAGER.id }))
    const menu = await screen.findByTestId('staff-menu')
    expect(menu.textContent).toBe('田中 部長')
    expect(menu.getAttribute('aria-label')).toBe('田中 部長（支店長・本店）')
  })

  it('says so when there is nobody to choose yet', async () => {
    const api = createFakeApi({ session: { current: null, staff: [] } })
    render(<AppLayout />, { api })
    expect((await screen.findByRole('alert')).textContent).toContain('担当者のデータがありません')
  })

  it('switches user from the header menu', async () => {
    const api = createFakeApi()
    render(<AppLayout />, { api })
    fireEvent.click(await screen.findByTestId('staff-menu'))
    fireEvent.click(await screen.findByRole('menuitem', { name: '担当者を切り替える' }))
    expect(await screen.findByRole('heading', { name: '担当者を選んでください' })).toBeTruthy()
  })
})
