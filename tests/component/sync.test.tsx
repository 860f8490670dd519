import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ContractsScreen } from '../../renderer/src/features/contracts/ContractsScreen'
import { SyncBanner } from '../../renderer/src/features/sync/SyncBanner'
import { SyncIndicator } from '../../renderer/src/features/sync/SyncIndicator'
import { createFakeApi, SYNCED } from './fake-api'
import { render } from './render'

describe('sync status in the UI', () => {
  it('shows no banner while synced, and says when it last synced', async () => {
    const api = createFakeApi()
    render(
      <>
        <SyncBanner />
        <SyncIndicator />
      </>,
      { api },
    )
    expect((await screen.findByTestId('sync-indicator')).textContent).toContain('最終同期 10:00')
    expect(screen.queryByTestId('offline-banner')).toBeNull()
  })

  it('lets staff choose how often the app syncs, from the indicator', async () => {
    const api = createFakeApi()
    render(<SyncIndicator />, { api })
    const opener = await screen.findByRole('button', { name: /同期の詳細と設定/ })
    fireEvent.click(opener)
    expect(await screen.findByText('次回の自動同期 10:05')).toBeTruthy()
    // The input and its option list both carry the label; the input is the one to operate.
    const select = screen
      .getAllByLabelText('自動同期の間隔')
      .find((e): e is HTMLInputElement => e instanceof HTMLInputElement)
    if (!select) throw new Error('no interval input')
    expect(select.value).toBe('5分ごと')
    fireEvent.click(select)
    fireEvent.click(await screen.findByRole('option', { name: '15分ごと' }))
    await waitFor(() => expect(api.sync.configure).toHaveBeenCalledWith({ intervalMinutes: 15 }))
    await waitFor(() => expect(select.value).toBe('15分ごと'))
  })

  it('tells staff they are offline, how old the data is, and that reissues wait', async () => {
    const api = createFakeApi()
    api.sync.status.mockResolvedValue({
      ...SYNCED,
      state: 'offline',
      pendingOutbox: 2,
      lastErrorCode: 'offline',
    })
    render(<SyncBanner />, { api })
    const banner = await screen.findByTestId('offline-banner')
    expect(banner.textContent).toContain('保険会社に接続できません')
    expect(banner.textContent).toContain('2026/11/23 10:00 時点のデータ')
    expect(banner.textContent).toContain('送信待ちの再発行 2件')
    fireEvent.click(screen.getByRole('button', { name: '今すぐ再試行' }))
    await waitFor(() => expect(api.sync.run).toHaveBeenCalledOnce())
  })

  it('says when the closed site reopens', async () => {
    const api = createFakeApi()
    api.sync.status.mockResolvedValue({
      ...SYNCED,
      state: 'site_closed',
      reopensAt: '2026-11-24T06:00:00+09:00',
    })
    render(<SyncBanner />, { api })
    expect((await screen.findByTestId('offline-banner')).textContent).toContain('06:00 再開')
  })

  it('shows the initial sync progress instead of "no contracts" on a fresh install', async () => {
    const api = createFakeApi({ rows: [] })
    api.sync.status.mockResolvedValue({
      ...SYNCED,
      state: 'syncing',
      phase: 'snapshot',
      lastSuccessAt: null,
      progress: { done: 1200, total: 3000, etaMs: 5000 },
    })
    render(<ContractsScreen />, { api })
    expect((await screen.findByTestId('initial-sync')).textContent).toContain('1,200 / 3,000件')
    expect(screen.queryByText('契約がありません')).toBeNull()
  })
})
