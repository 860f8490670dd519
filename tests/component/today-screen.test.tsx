import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import type { TodayScope } from '../../electron/common/api/contract-today'
import { TodayScreen } from '../../renderer/src/features/today/TodayScreen'
import { createFakeApi, MANAGER, STAFF, type FakeApi } from './fake-api'
import { render } from './render'
import { makeTodayRow, SignedIn, todayList } from './today-fixture'

const BOUNCED = makeTodayRow({
  contractId: 11,
  clientName: '山田 太郎',
  urgency: 'closed',
  webCutoffAt: '2026-11-22T23:55:00+09:00',
  reasons: [
    {
      code: 'cutoff_passed',
      severity: 'critical',
      text: { ja: 'Web期限切れ — 代理店で手続きを（満期まで残り1日）', en: 'Web deadline passed' },
      nextAction: {
        ja: 'Webでは更新できません。満期日までに代理店で更新手続きを',
        en: 'Renew at the agency',
      },
      since: null,
    },
  ],
})
const PASSWORD = makeTodayRow({
  contractId: 22,
  clientName: '鈴木 花子',
  reasons: [
    {
      code: 'password_mail_missing',
      severity: 'warning',
      text: {
        ja: 'パスワード発行メール未着（IDメール送信から3日）',
        en: 'Password mail not received (3 days since the ID mail)',
      },
      nextAction: {
        ja: '迷惑メールフォルダを確認いただき、なければパスワードを再発行',
        en: 'Ask the client to check the spam folder; if it is not there, reissue the password.',
      },
      since: '2026-11-20T09:00:00+09:00',
    },
  ],
})
const MISMATCH = makeTodayRow({
  contractId: 33,
  clientName: '高橋 健',
  flow: 'B',
  urgency: 'd14',
  webCutoffAt: '2026-12-03T23:55:00+09:00',
  reasons: [
    {
      code: 'registration_mismatch',
      severity: 'warning',
      text: { ja: '本人情報の不一致（住所）', en: 'Personal details do not match (address)' },
      nextAction: { ja: 'ご契約の住所と入力内容を照合', en: 'Compare the address' },
      since: '2026-11-21T09:00:00+09:00',
    },
  ],
})

function setup(options: { api?: FakeApi; language?: 'ja' | 'en' } = {}) {
  const api = options.api ?? createFakeApi()
  if (!options.api)
    api.today.list.mockImplementation(async ({ scope }) => ({
      ...todayList([BOUNCED, PASSWORD, MISMATCH]),
      scope,
    }))
  const location = memoryLocation({ path: '/today', record: true })
  const view = render(
    <Router hook={location.hook}>
      <SignedIn>
        <TodayScreen />
      </SignedIn>
    </Router>,
    { api, ...(options.language ? { language: options.language } : {}) },
  )
  return { ...view, api, location }
}

/** The first render in a busy test run can take a while. */
const rowsShown = () => screen.findAllByTestId('today-row', {}, { timeout: 5000 })

beforeEach(() => {
  // Only Date is faked: the countdowns count from this instant, timers still run.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-23T10:00:00+09:00'))
})
afterEach(() => vi.useRealTimers())

describe('今日の対応', () => {
  it('shows the ranking in order with the reason in words, the next action and the countdown', async () => {
    setup()
    const rows = await rowsShown()
    expect(rows.map((r) => within(r).getByTestId('today-client').textContent)).toEqual([
      '山田 太郎',
      '鈴木 花子',
      '高橋 健',
    ])
    expect(rows.map((r) => within(r).getByTestId('today-rank').textContent)).toEqual([
      '1位',
      '2位',
      '3位',
    ])
    expect(within(rows[1]!).getByTestId('today-reasons').textContent).toBe(
      'パスワード発行メール未着（IDメール送信から3日）',
    )
    expect(within(rows[1]!).getByTestId('today-next-action').textContent).toContain(
      'なければパスワードを再発行',
    )
    expect(within(rows[2]!).getByTestId('today-reasons').textContent).toBe(
      '本人情報の不一致（住所）',
    )
    // Japan calendar: 11/23 10:00 → 11/25 23:55 is two days, 12/03 ten.
    expect(within(rows[1]!).getByTestId('today-countdown').textContent).toBe('Web期限まで残り2日')
    expect(within(rows[2]!).getByTestId('today-countdown').textContent).toBe('Web期限まで残り10日')
    expect(within(rows[0]!).getByTestId('today-countdown').textContent).toBe(
      'Web期限切れ（11/22 23:55）',
    )
    expect(within(rows[0]!).getByTestId('urgency').textContent).toBe('期限切れ')
    expect(screen.getByTestId('today-total').textContent).toBe('3件')
  })

  it('words the list in English when the UI is English', async () => {
    setup({ language: 'en' })
    const rows = await rowsShown()
    expect(within(rows[1]!).getByTestId('today-reasons').textContent).toBe(
      'Password mail not received (3 days since the ID mail)',
    )
    expect(within(rows[1]!).getByTestId('today-countdown').textContent).toBe('Web deadline in 2 d')
  })

  it('starts with my own contracts and asks again for my branch and for everyone', async () => {
    const { api } = setup()
    await rowsShown()
    expect(api.today.list).toHaveBeenCalledWith({ scope: 'mine' })
    fireEvent.click(screen.getByRole('radio', { name: /^自分の支店/ }))
    await waitFor(() => expect(api.today.list).toHaveBeenCalledWith({ scope: 'branch' }))
    fireEvent.click(screen.getByRole('radio', { name: /^すべて/ }))
    await waitFor(() => expect(api.today.list).toHaveBeenCalledWith({ scope: 'all' }))
    const scopes = api.today.list.mock.calls.map(([input]) => input.scope as TodayScope)
    expect(scopes).toEqual(['mine', 'branch', 'all'])
  })

  it('shows how many are due in each scope on the switcher, and says so to screen readers', async () => {
    const api = createFakeApi()
    api.today.list.mockImplementation(async ({ scope }) => ({ ...todayList([PASSWORD]), scope }))
    api.today.counts.mockResolvedValue({
      asOf: '2026-11-23T09:00:00+09:00',
      counts: { mine: 12, branch: 345, all: 6789 },
    })
    setup({ api })
    await rowsShown()
    await waitFor(() => expect(screen.getAllByTestId('today-scope-count')).toHaveLength(3))
    expect(screen.getByRole('radio', { name: '自分の担当 12件' })).toBeTruthy()
    expect(screen.getByRole('radio', { name: '自分の支店 345件' })).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'すべて 6,789件' })).toBeTruthy()
  })

  it('opens on the branch for a manager', async () => {
    const api = createFakeApi({ session: { current: MANAGER, staff: [STAFF, MANAGER] } })
    api.today.list.mockImplementation(async ({ scope }) => ({ ...todayList([PASSWORD]), scope }))
    setup({ api })
    await rowsShown()
    expect(api.today.list).toHaveBeenCalledWith({ scope: 'branch' })
    expect(api.today.list).not.toHaveBeenCalledWith({ scope: 'mine' })
  })

  it('moves with the arrow keys, selects with Space and opens the contract with Enter', async () => {
    const { location } = setup()
    await rowsShown()
    const list = screen.getByTestId('today-list')
    list.focus()
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: ' ' })
    const rows = screen.getAllByTestId('today-row')
    expect(rows[1]!.getAttribute('aria-current')).toBe('true')
    expect((within(rows[1]!).getByRole('checkbox') as HTMLInputElement).checked).toBe(true)
    expect((within(rows[0]!).getByRole('checkbox') as HTMLInputElement).checked).toBe(false)
    expect(screen.getByTestId('today-reissue-selected').textContent).toBe('選択した1件を再発行…')
    fireEvent.keyDown(list, { key: 'Enter' })
    expect(location.history?.at(-1)).toBe('/contracts/22')
  })

  // Reaching the ends of the list by keyboard (End, Home) is the e2e journey's: it needs a
  // browser that scrolls.
  it('draws only the rows in view of a full list, each saying its place in the whole', async () => {
    // jsdom lays nothing out: give each drawn row the height a browser gives two reasons.
    const height = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(90)
    try {
      const api = createFakeApi()
      const full = Array.from({ length: 500 }, (_, i) => makeTodayRow({ contractId: i + 1 }))
      api.today.list.mockImplementation(async () => todayList(full, { truncated: true }))
      setup({ api })
      const drawn = await rowsShown()
      // A 600 px list shows about seven rows of 90 px; a few more are drawn around them.
      expect(drawn.length).toBeGreaterThan(5)
      expect(drawn.length).toBeLessThan(30)
      expect(drawn[0]!.getAttribute('aria-posinset')).toBe('1')
      expect(drawn[0]!.getAttribute('aria-setsize')).toBe('500')
      expect(within(drawn[0]!).getByTestId('today-rank').textContent).toBe('1位')
    } finally {
      height.mockRestore()
    }
  })

  it('opens the reissue dialog for the selection with R', async () => {
    setup()
    await rowsShown()
    const list = screen.getByTestId('today-list')
    fireEvent.keyDown(list, { key: ' ' })
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: ' ' })
    fireEvent.keyDown(list, { key: 'r' })
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('再発行の依頼（2件）')).toBeTruthy()
    expect(within(dialog).getByTestId('reissue-targets').textContent).toContain('山田 太郎')
    expect(within(dialog).getByTestId('reissue-targets').textContent).toContain('鈴木 花子')
  })

  it('says how many more are due beyond the cap, from the scope count', async () => {
    const api = createFakeApi()
    api.today.list.mockImplementation(async () => todayList([PASSWORD], { truncated: true }))
    api.today.counts.mockResolvedValue({
      asOf: '2026-11-23T10:00:00+09:00',
      counts: { mine: 501, branch: 900, all: 5000 },
    })
    setup({ api })
    await waitFor(() => expect(screen.getByTestId('today-more').textContent).toContain('ほか500件'))
    expect(screen.getByTestId('today-total').textContent).toBe('501件')
  })

  it('says "at least" beyond the cap until the scope has been counted', async () => {
    const api = createFakeApi()
    api.today.list.mockImplementation(async () => todayList([PASSWORD], { truncated: true }))
    api.today.counts.mockImplementation(() => new Promise(() => {}))
    setup({ api })
    expect((await screen.findByTestId('today-more')).textContent).toContain('ほかにもあります')
    expect(screen.getByTestId('today-total').textContent).toBe('2件以上')
  })

  it('shows what to do when nothing is due, and when the list cannot be loaded', async () => {
    const api = createFakeApi()
    api.today.list.mockImplementation(async () => todayList([]))
    setup({ api })
    expect((await screen.findByTestId('today-empty')).textContent).toContain('「自分の支店」')
  })

  it('explains a failure and retries', async () => {
    const api = createFakeApi()
    api.today.list.mockRejectedValueOnce(new Error('boom'))
    api.today.list.mockImplementation(async () => todayList([PASSWORD]))
    setup({ api })
    const alert = await screen.findByTestId('today-error')
    expect(alert.textContent).toContain('今日の対応リストを読み込めませんでした')
    fireEvent.click(within(alert).getByRole('button', { name: '再読み込み' }))
    expect(await rowsShown()).toHaveLength(1)
  })
})
