import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Route, Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import type { ContractDetail } from '../../electron/common/api/contract-detail'
import { ApiCallError } from '../../renderer/src/api/client'
import { ContractDetailScreen } from '../../renderer/src/features/detail/ContractDetailScreen'
import { createFakeApi, MANAGER, STAFF, type FakeApi } from './fake-api'
import { makeDetail } from './detail-fixture'
import { render } from './render'

const OTHER = { ...STAFF, id: 'st-002', name: '鈴木 次郎', nameKana: 'スズキ ジロウ' }

function setup(
  detail: ContractDetail | (() => Promise<ContractDetail>) = makeDetail(),
  options: { api?: FakeApi; language?: 'ja' | 'en' } = {},
) {
  const api =
    options.api ?? createFakeApi({ session: { current: STAFF, staff: [STAFF, OTHER, MANAGER] } })
  api.contracts.get.mockImplementation(typeof detail === 'function' ? detail : async () => detail)
  const location = memoryLocation({ path: '/contracts/7', record: true })
  const view = render(
    <Router hook={location.hook}>
      <Route path="/contracts/:id" component={ContractDetailScreen} />
      <Route path="/contracts">
        <p>list</p>
      </Route>
    </Router>,
    { api, ...(options.language ? { language: options.language } : {}) },
  )
  return { ...view, api, location }
}

describe('contract detail', () => {
  it('shows the client, policy, deadline countdown, site hours, reasons, guide and timeline', async () => {
    const { api } = setup()
    expect((await screen.findByTestId('detail-client-name')).textContent).toBe('山田 太郎 様の契約')
    expect(api.contracts.get).toHaveBeenCalledWith({ id: 7 })
    expect(screen.getByTestId('detail-policy-number').textContent).toContain('P-000007')
    expect(screen.getByTestId('detail-staff').textContent).toContain(STAFF.name)
    // asOf 2027-03-28 18:25 JST, cutoff 2027-03-30 23:55 JST.
    expect(screen.getByTestId('detail-countdown').textContent).toBe('Web手続き期限まで 2日 5時間')
    expect(screen.getByTestId('detail-cutoff').textContent).toContain('2027/03/30 23:55')
    expect(screen.getByTestId('detail-site-hours').textContent).toContain('04:00〜06:00')
    expect(screen.getByTestId('detail-site-status').dataset.open).toBe('true')
    const reason = screen.getByTestId('stuck-reason')
    expect(reason.textContent).toContain('パスワード発行メール未着（IDメール送信から3日）')
    expect(reason.textContent).toContain('パスワードを再発行する')
    expect(screen.getByTestId('client-guide').textContent).toContain('お手続きのお知らせメール')
    const entries = screen.getAllByTestId('timeline-entry')
    expect(entries.map((e) => e.dataset.label)).toEqual(['reissueRequested', 'idMailSent'])
    expect(entries[0]!.textContent).toContain('再発行を依頼：パスワード再発行')
    expect(within(entries[0]!).getByTestId('timeline-outbox-state').textContent).toBe('送信待ち')
    expect(entries[1]!.textContent).toContain('2027/03/25 09:00')
    expect(entries[1]!.textContent).toContain('保険会社')
  })

  it('counts down live, second by second, in the last hour', async () => {
    setup(makeDetail({ asOf: '2027-03-30T23:53:54+09:00' }))
    const countdown = await screen.findByTestId('detail-countdown')
    expect(countdown.textContent).toMatch(/^Web手続き期限まで 1分 [56]秒$/)
    await waitFor(() => expect(countdown.textContent).toMatch(/Web手続き期限まで 1分 [0-4]秒/), {
      timeout: 3000,
    })
  })

  it('says the web window closed and to renew through the agency once the cutoff passed', async () => {
    setup(makeDetail({ asOf: '2027-03-31T08:00:00+09:00', urgency: 'closed' }))
    const countdown = await screen.findByTestId('detail-countdown')
    expect(countdown.textContent).toBe('期限切れ — 代理店で手続きを')
    expect(countdown.dataset.state).toBe('passed')
  })

  it('shows the site closed at night, with when it reopens', async () => {
    setup(makeDetail({ asOf: '2027-03-28T04:30:00+09:00' }))
    const status = await screen.findByTestId('detail-site-status')
    expect(status.dataset.open).toBe('false')
    expect(status.textContent).toContain('06:00 再開')
  })

  it('speaks English when asked, using the English texts the core sent', async () => {
    setup(makeDetail(), { language: 'en' })
    expect((await screen.findByTestId('detail-countdown')).textContent).toBe(
      '2 d 5 h until the web deadline',
    )
    expect(screen.getByTestId('stuck-reason').textContent).toContain('Reissue the password')
    expect(screen.getByTestId('client-guide').textContent).toBe('Waiting for the ID mail.')
  })

  it('adds a note, then reloads the detail so it shows on the timeline', async () => {
    const { api } = setup()
    api.notes.add.mockImplementation(async ({ body }) => ({
      id: 1,
      body,
      staffId: STAFF.id,
      staffName: STAFF.name,
      createdAt: '2027-03-28T19:00:00+09:00',
    }))
    const input = await screen.findByLabelText('メモを追加')
    fireEvent.click(screen.getByTestId('note-save'))
    expect(await screen.findByText('メモを入力してください')).toBeTruthy()
    expect(api.notes.add).not.toHaveBeenCalled()

    fireEvent.change(input, { target: { value: '  夕方に折り返し  ' } })
    fireEvent.click(screen.getByTestId('note-save'))
    await waitFor(() =>
      expect(api.notes.add).toHaveBeenCalledWith({ contractId: 7, body: '夕方に折り返し' }),
    )
    await waitFor(() => expect(api.contracts.get).toHaveBeenCalledTimes(2))
    expect((await screen.findByTestId('note-saved')).textContent).toBe('メモを保存しました')
    expect((input as HTMLTextAreaElement).value).toBe('')
  })

  it("shows the core's own words when a write is refused", async () => {
    const { api } = setup()
    api.notes.add.mockRejectedValue(
      new ApiCallError({
        code: 'request_refused',
        message: '担当者が選択されていません。 / Nobody is signed in.',
      }),
    )
    fireEvent.change(await screen.findByLabelText('メモを追加'), { target: { value: 'x' } })
    fireEvent.click(screen.getByTestId('note-save'))
    const error = await screen.findByTestId('note-error')
    expect(error.textContent).toBe('保存できませんでした：担当者が選択されていません。')
  })

  it('sets and clears the follow-up date', async () => {
    const { api } = setup(
      makeDetail({
        followUp: {
          id: 4,
          dueDate: '2027-03-29',
          memo: '夕方',
          staffName: STAFF.name,
          createdAt: '2027-03-28T10:00:00+09:00',
        },
      }),
    )
    api.followUps.set.mockImplementation(async () => ({ followUp: null }))
    expect((await screen.findByTestId('follow-up-current')).textContent).toBe(
      '2027/03/29 に連絡予定（夕方）',
    )
    const date = screen.getByLabelText('連絡日') as HTMLInputElement
    expect(date.value).toBe('2027/03/29')
    fireEvent.change(date, { target: { value: '2027/03/30' } })
    fireEvent.click(screen.getByTestId('follow-up-save'))
    await waitFor(() =>
      expect(api.followUps.set).toHaveBeenCalledWith({
        contractId: 7,
        dueDate: '2027-03-30',
        memo: '夕方',
      }),
    )
    fireEvent.click(screen.getByTestId('follow-up-clear'))
    await waitFor(() =>
      expect(api.followUps.set).toHaveBeenLastCalledWith({ contractId: 7, dueDate: null }),
    )
  })

  it('offers reassignment to the staff member in charge, listing the others', async () => {
    const { api } = setup()
    api.contracts.reassign.mockImplementation(async ({ staffId }) => ({
      staff: { id: staffId, name: OTHER.name },
      branch: { id: 'br-01', name: '本店' },
    }))
    const select = (await screen.findAllByLabelText('新しい担当者')).find(
      (e): e is HTMLInputElement => e instanceof HTMLInputElement,
    )
    if (!select) throw new Error('no staff input')
    fireEvent.click(select)
    expect(screen.queryByRole('option', { name: /佐藤 一郎/ })).toBeNull()
    fireEvent.click(await screen.findByRole('option', { name: '鈴木 次郎（本店）' }))
    fireEvent.click(screen.getByTestId('reassign-submit'))
    await waitFor(() =>
      expect(api.contracts.reassign).toHaveBeenCalledWith({ contractId: 7, staffId: OTHER.id }),
    )
  })

  it('explains instead of offering reassignment to someone else', async () => {
    const api = createFakeApi({ session: { current: OTHER, staff: [STAFF, OTHER, MANAGER] } })
    setup(makeDetail(), { api })
    expect((await screen.findByTestId('reassign-not-allowed')).textContent).toContain('支店長')
    expect(screen.queryByTestId('reassign-select')).toBeNull()
  })

  it('opens the reissue dialog for this contract', async () => {
    setup()
    fireEvent.click(await screen.findByTestId('detail-reissue'))
    expect(await screen.findByRole('dialog', { name: '再発行の依頼' })).toBeTruthy()
  })

  it('offers no reissue for a renewed contract', async () => {
    const detail = makeDetail({ urgency: null })
    setup({ ...detail, renewal: { ...detail.renewal, status: 'renewed', channel: 'web' } })
    expect((await screen.findByTestId('detail-countdown')).dataset.state).toBe('settled')
    expect(screen.queryByTestId('detail-reissue')).toBeNull()
  })

  it('says when the contract does not exist, with the way back', async () => {
    setup(async () => {
      throw new ApiCallError({ code: 'not_found', message: 'x / y' })
    })
    expect(await screen.findByText('この契約は見つかりません')).toBeTruthy()
    expect(screen.getByTestId('detail-back').getAttribute('href')).toContain('/contracts')
  })

  it('offers a retry when loading failed', async () => {
    let calls = 0
    const { api } = setup(async () => {
      calls += 1
      if (calls === 1) throw new ApiCallError({ code: 'backend_unreachable', message: 'no answer' })
      return makeDetail()
    })
    const alert = await screen.findByTestId('detail-error')
    expect(alert.textContent).toContain('接続できません')
    fireEvent.click(within(alert).getByRole('button', { name: '再試行' }))
    expect(await screen.findByTestId('contract-detail')).toBeTruthy()
    expect(api.contracts.get).toHaveBeenCalledTimes(2)
  })

  it('goes back to the list on Escape, but not while typing a note', async () => {
    const { location } = setup()
    const note = await screen.findByLabelText('メモを追加')
    fireEvent.keyDown(note, { key: 'Escape' })
    expect(location.history.at(-1)).toBe('/contracts/7')
    fireEvent.keyDown(document.body, { key: 'Escape' })
    await waitFor(() => expect(location.history.at(-1)).toBe('/contracts'))
    expect(await screen.findByText('list')).toBeTruthy()
  })
})
