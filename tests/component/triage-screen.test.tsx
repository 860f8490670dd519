import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import type {
  TriageCategory,
  TriageList,
  TriageListInput,
  TriageRow,
} from '../../electron/common/api/triage-schemas'
import { TRIAGE_CATEGORIES } from '../../electron/common/domain/triage-categories'
import { TriageScreen } from '../../renderer/src/features/triage/TriageScreen'
import { createFakeApi } from './fake-api'
import { render } from './render'

const BOUNCED: TriageRow = {
  contractId: 42,
  policyNumber: 'P-000042',
  clientName: '山田 太郎',
  clientKana: 'ヤマダ タロウ',
  insurerName: 'デモ損保',
  staffName: '佐藤 一郎',
  flow: 'A',
  reasonCode: 'mail_bounced',
  reason: {
    ja: 'IDメール・パスワードメール不達（携帯キャリアの受信拒否）',
    en: 'ID and password mails bounced (blocked by the carrier filter)',
  },
  nextAction: {
    ja: 'お客さまに保険会社のメールドメインからの受信を許可（ドメイン指定受信）していただき、IDメールの再送とパスワードの再発行を依頼',
    en: "Ask the client to allow mail from the insurer's domain in their carrier's filter settings, then resend the ID mail and reissue the password.",
  },
  since: '2026-11-20T09:00:00+09:00',
  elapsedMs: 3 * 24 * 3600_000 + 3600_000,
  webCutoffAt: '2026-11-25T23:55:00+09:00',
  urgency: 'd3',
  deadline: { ja: 'Web手続き期限まで残り2日', en: '2 days left for the web procedure' },
}
const SECOND: TriageRow = {
  ...BOUNCED,
  contractId: 43,
  policyNumber: 'P-000043',
  clientName: '鈴木 花子',
  clientKana: 'スズキ ハナコ',
  deadline: null,
}

const COUNTS = Object.fromEntries(TRIAGE_CATEGORIES.map((c) => [c, 0])) as Record<
  TriageCategory,
  number
>

/** A backend with two bounced clients and nothing else. */
function triageApi() {
  const api = createFakeApi()
  api.triage.list.mockImplementation(async (input: TriageListInput): Promise<TriageList> => {
    const category = input.category ?? 'bounced'
    return {
      scope: input.scope,
      category,
      counts: { ...COUNTS, bounced: 2 },
      rows: category === 'bounced' ? [BOUNCED, SECOND] : [],
      asOf: '2026-11-23T10:00:00+09:00',
    }
  })
  return api
}

function renderScreen(api = triageApi(), language: 'ja' | 'en' = 'ja') {
  const location = memoryLocation({ path: '/triage', record: true })
  const result = render(
    <Router hook={location.hook}>
      <TriageScreen />
    </Router>,
    { api, language },
  )
  return { ...result, location }
}

describe('メール未着・登録エラー', () => {
  it('lists every kind of trouble with its count, and the bounced client with reason, since and advice', async () => {
    const { api } = renderScreen()
    const rows = await screen.findAllByTestId('triage-row')
    expect(rows).toHaveLength(2)
    expect(api.triage.list).toHaveBeenCalledWith({ scope: 'mine' })
    for (const category of TRIAGE_CATEGORIES)
      expect(screen.getByTestId(`triage-tab-${category}`)).toBeTruthy()
    expect(
      within(screen.getByTestId('triage-tab-bounced')).getByTestId('triage-count').textContent,
    ).toBe('2件')
    const first = within(rows[0]!)
    expect(first.getByTestId('triage-reason').textContent).toContain('携帯キャリアの受信拒否')
    expect(first.getByTestId('triage-advice').textContent).toContain('ドメイン指定受信')
    // Since 11/20 09:00 JST, three days: the elapsed time is in whole days past one day.
    expect(first.getByTestId('triage-since').textContent).toBe('11/20 09:00から・3日経過')
    expect(first.getByText('Web手続き期限まで残り2日')).toBeTruthy()
    expect(first.getByTestId('triage-cutoff').textContent).toContain('2026/11/25 23:55')
    expect(
      first.getByRole('link', { name: '山田 太郎 様の契約詳細を開く' }).getAttribute('href'),
    ).toBe('/contracts/42')
  })

  it('opens the contract from the keyboard: arrows move between clients, Enter follows the link', async () => {
    const { location } = renderScreen()
    const links = await screen.findAllByTestId('triage-client')
    links[0]!.focus()
    fireEvent.keyDown(links[0]!, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(links[1])
    fireEvent.keyDown(links[1]!, { key: 'ArrowUp' })
    expect(document.activeElement).toBe(links[0])
    fireEvent.click(links[0]!)
    expect(location.history?.at(-1)).toBe('/contracts/42')
  })

  it('says all is well for a group with nobody in it', async () => {
    const { api } = renderScreen()
    await screen.findAllByTestId('triage-row')
    fireEvent.click(screen.getByTestId('triage-tab-wrong_policy_number'))
    const empty = await screen.findByTestId('triage-empty')
    expect(empty.textContent).toContain('問題ありません')
    expect(empty.textContent).toContain('証券番号の誤り')
    expect(api.triage.list).toHaveBeenLastCalledWith({
      scope: 'mine',
      category: 'wrong_policy_number',
    })
  })

  it('switches between mine, my branch and all', async () => {
    const { api } = renderScreen()
    await screen.findAllByTestId('triage-row')
    fireEvent.click(screen.getByText('支店'))
    await waitFor(() => expect(api.triage.list).toHaveBeenLastCalledWith({ scope: 'branch' }))
    fireEvent.click(screen.getByText('すべて'))
    await waitFor(() => expect(api.triage.list).toHaveBeenLastCalledWith({ scope: 'all' }))
  })

  it('shows English words from the same answer when the UI is in English', async () => {
    renderScreen(triageApi(), 'en')
    const [row] = await screen.findAllByTestId('triage-row')
    expect(within(row!).getByTestId('triage-reason').textContent).toContain('carrier filter')
    expect(within(row!).getByTestId('triage-advice').textContent).toContain("insurer's domain")
    expect(screen.getByRole('heading', { name: 'Mail & registration issues' })).toBeTruthy()
  })

  it('says what failed and retries in place', async () => {
    const api = triageApi()
    api.triage.list.mockRejectedValueOnce(new Error('down'))
    renderScreen(api)
    const alert = await screen.findByTestId('triage-error')
    fireEvent.click(within(alert).getByRole('button', { name: '再試行' }))
    expect(await screen.findAllByTestId('triage-row')).toHaveLength(2)
  })
})
