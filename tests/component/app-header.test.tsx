import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SEED_RULE_SET } from '../../electron/common/domain/insurer-rules'
import { AppHeader } from '../../renderer/src/shell/AppHeader'
import { DEMO_INFO, createFakeApi } from './fake-api'
import { render } from './render'

afterEach(() => {
  vi.useRealTimers()
})

describe('header', () => {
  it('flags demo data and demo insurers; the contract count is in the badge tooltip', async () => {
    const api = createFakeApi({ info: { ...DEMO_INFO, contractCount: 100_000 } })
    render(<AppHeader />, { api })
    const badge = await screen.findByTestId('demo-data-badge')
    expect(badge).toHaveProperty('textContent', 'デモデータ')
    expect((await screen.findByTestId('insurer-connection')).textContent).toBe(
      'デモ保険会社に接続中',
    )
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('更新デスク')
    // Not in the bar (cut to "契約 3,0…" on a narrow window); on focus, as with the mouse.
    expect(screen.queryByText('契約 100,000件')).toBeNull()
    fireEvent.focus(badge)
    expect((await screen.findByTestId('header-contract-count')).textContent).toBe('契約 100,000件')
  })

  it('shows no demo badge for insurer data', async () => {
    const api = createFakeApi({
      info: {
        ...DEMO_INFO,
        dataSource: 'insurer',
        insurers: [{ id: 's', name: '損保', isDemo: false, rules: SEED_RULE_SET }],
      },
    })
    render(<AppHeader />, { api })
    expect(await screen.findByText('保険会社データ')).toBeTruthy()
    expect(screen.queryByTestId('demo-data-badge')).toBeNull()
    expect(screen.queryByText('デモ保険会社')).toBeNull()
  })

  it('shows Japan time, not the PC zone', () => {
    // Only Date is faked: TanStack Query's timers must keep running.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2027-03-30T14:55:00Z'))
    render(<AppHeader />)
    const clock = screen.getByTestId('jst-clock')
    expect(clock.textContent).toContain('JST')
    expect(clock.textContent).toContain('2027/03/30 23:55')
    expect(
      within(clock)
        .getByText(/2027\/03\/30/)
        .closest('time')
        ?.getAttribute('datetime'),
    ).toBe('2027-03-30T23:55:00+09:00')
  })

  it.each([
    ['2027-03-10T03:00:00Z', 'true', 'サイト受付中'], // 12:00 JST
    ['2027-03-09T19:30:00Z', 'false', 'サイト休止中 06:00再開'], // 04:30 JST
    ['2027-03-09T21:00:00Z', 'true', 'サイト受付中'], // 06:00 JST
  ])('at %s says whether the insurer site is open', async (instant, open, text) => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(instant))
    render(<AppHeader />)
    const badge = await screen.findByTestId('site-hours')
    expect(badge.dataset.open).toBe(open)
    expect(badge.textContent).toBe(text)
  })

  it('says when the demo insurer is connected, and the worst state when not', async () => {
    const api = createFakeApi()
    const { unmount } = render(<AppHeader />, { api })
    expect((await screen.findByTestId('insurer-connection')).textContent).toBe(
      'デモ保険会社に接続中',
    )
    unmount()

    const down = createFakeApi()
    down.insurer.status.mockResolvedValue({
      insurers: [
        {
          id: 'a',
          name: 'A',
          isDemo: false,
          state: 'connected',
          checkedAt: null,
          reopensAt: null,
          endpoint: null,
        },
        {
          id: 'b',
          name: 'B',
          isDemo: false,
          state: 'offline',
          checkedAt: null,
          reopensAt: null,
          endpoint: null,
        },
      ],
    })
    render(<AppHeader />, { api: down })
    const badge = await screen.findByTestId('insurer-connection')
    await waitFor(() => expect(badge.dataset.state).toBe('offline'))
    expect(badge.textContent).toBe('保険会社に接続できません')
  })

  it('switches to English and remembers the choice', async () => {
    render(<AppHeader />)
    fireEvent.click(screen.getByLabelText('English'))
    expect(await screen.findByText('Renewal Desk')).toBeTruthy()
    expect(localStorage.getItem('renewal-desk.language')).toBe('en')
    expect(document.documentElement.lang).toBe('en')
  })
})
