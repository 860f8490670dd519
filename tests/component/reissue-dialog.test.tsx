import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { OutboxItem } from '../../electron/common/api/contract'
import { FLOWS, REISSUE_KINDS } from '../../electron/common/domain/renewal'
import { kindAppliesToFlow } from '../../electron/main/core/outbox/policy'
import { ApiCallError } from '../../renderer/src/api/client'
import { KINDS_BY_FLOW } from '../../renderer/src/features/reissues/reissue-kinds'
import {
  ReissueDialog,
  type ReissueDialogProps,
} from '../../renderer/src/features/reissues/ReissueDialog'
import { createFakeApi, STAFF, SYNCED, type FakeApi } from './fake-api'
import { render } from './render'
import { SignedIn } from './today-fixture'

type Target = ReissueDialogProps['contracts'][number]
const YAMADA: Target = { id: 11, policyNumber: '1-0000011', clientName: '山田 太郎', flow: 'A' }
const SUZUKI: Target = { id: 22, policyNumber: '1-0000022', clientName: '鈴木 花子', flow: 'A' }
const TAKAHASHI: Target = { id: 33, policyNumber: '5-0000033', clientName: '高橋 健', flow: 'B' }

function queued(contractId: number, kind: OutboxItem['kind']): OutboxItem {
  return {
    id: 100 + contractId,
    contractId,
    policyNumber: 'x',
    kind,
    state: 'queued',
    attempts: 0,
    requestedAt: '2026-11-23T10:00:00+09:00',
    nextAttemptAt: '2026-11-23T10:00:00+09:00',
    emailCorrected: false,
    lastErrorCode: null,
    lastErrorMessage: null,
  }
}

/** Every request is queued unless the test passes an api with its own answer. */
function setup(contracts: Target[], given?: FakeApi) {
  const api = given ?? createFakeApi()
  if (!given)
    api.reissues.request.mockImplementation(async (input) => queued(input.contractId, input.kind))
  const onClose = vi.fn()
  const view = render(
    <SignedIn>
      <ReissueDialog opened onClose={onClose} contracts={contracts} />
    </SignedIn>,
    { api },
  )
  return { ...view, api, onClose }
}

async function dialog() {
  return screen.findByRole('dialog', {}, { timeout: 5000 })
}

function typeReason(d: HTMLElement, text: string) {
  fireEvent.change(within(d).getByTestId('reissue-reason'), { target: { value: text } })
}

describe('reissue dialog', () => {
  it('offers the kinds the core accepts for each flow, and nothing else', () => {
    for (const flow of FLOWS)
      for (const kind of REISSUE_KINDS)
        expect(KINDS_BY_FLOW[flow].includes(kind), `${flow} ${kind}`).toBe(
          kindAppliesToFlow(kind, flow),
        )
  })

  it('asks flow A for the password or the ID mail, and says flow B gets its registration mail', async () => {
    setup([YAMADA, TAKAHASHI])
    const d = await dialog()
    expect(within(d).getByRole('radio', { name: 'パスワード再発行' })).toBeTruthy()
    expect(within(d).getByRole('radio', { name: 'IDメール再送' })).toBeTruthy()
    expect(within(d).queryByRole('radio', { name: /マイページ/ })).toBeNull()
    expect(d.textContent).toContain(
      'マイページ仮登録メール再送（この型で依頼できるのはこれだけです）',
    )
    // Several contracts: no address correction.
    expect(within(d).queryByTestId('reissue-email')).toBeNull()
  })

  it('requires a reason before the confirmation, and sends nothing without one', async () => {
    const { api } = setup([YAMADA])
    const d = await dialog()
    fireEvent.click(within(d).getByTestId('reissue-next'))
    expect(await within(d).findByText('依頼理由を入力してください')).toBeTruthy()
    typeReason(d, '   ')
    fireEvent.click(within(d).getByTestId('reissue-next'))
    expect(within(d).getByText('依頼理由を入力してください')).toBeTruthy()
    expect(within(d).queryByTestId('reissue-confirm')).toBeNull()
    expect(api.reissues.request).not.toHaveBeenCalled()
  })

  it('refuses a malformed corrected address before the confirmation', async () => {
    setup([YAMADA])
    const d = await dialog()
    typeReason(d, 'メール不達')
    fireEvent.change(within(d).getByTestId('reissue-email'), { target: { value: 'yamada@' } })
    fireEvent.click(within(d).getByTestId('reissue-next'))
    expect(await within(d).findByText(/メールアドレスの形式ではありません/)).toBeTruthy()
    expect(within(d).queryByTestId('reissue-confirm')).toBeNull()
  })

  it('confirms what goes to whom, then sends one request as the signed-in staff member', async () => {
    const { api } = setup([YAMADA])
    const d = await dialog()
    fireEvent.click(within(d).getByRole('radio', { name: 'パスワード再発行' }))
    fireEvent.change(within(d).getByTestId('reissue-email'), {
      target: { value: 'taro@example.jp' },
    })
    typeReason(d, 'お客さまから電話。パスワード発行メールが届かない')
    fireEvent.click(within(d).getByTestId('reissue-next'))
    const confirm = await within(d).findByTestId('reissue-confirm')
    const line = within(confirm).getByTestId('reissue-confirm-row')
    expect(line.textContent).toContain('1-0000011')
    expect(line.textContent).toContain('山田 太郎')
    expect(line.textContent).toContain('パスワード再発行')
    expect(line.textContent).toContain('taro@example.jp（修正後）')
    expect(within(confirm).getByTestId('reissue-confirm-reason').textContent).toBe(
      '依頼理由: お客さまから電話。パスワード発行メールが届かない',
    )
    expect(confirm.textContent).toContain(`依頼者: ${STAFF.name}`)
    expect(api.reissues.request).not.toHaveBeenCalled()

    fireEvent.click(within(confirm).getByTestId('reissue-send'))
    const result = await within(d).findByTestId('reissue-result')
    expect(api.reissues.request).toHaveBeenCalledTimes(1)
    expect(api.reissues.request).toHaveBeenCalledWith({
      contractId: 11,
      kind: 'password',
      reason: 'お客さまから電話。パスワード発行メールが届かない',
      correctedEmail: 'taro@example.jp',
      requestedBy: STAFF.id,
    })
    expect(result.dataset.status).toBe('queued')
    expect(result.textContent).toContain('受付済み — 保険会社へ送信します')
  })

  it('shows the backend’s explanation when a duplicate is refused', async () => {
    const api = createFakeApi()
    api.reissues.request.mockRejectedValue(
      new ApiCallError({
        code: 'request_refused',
        message:
          '同じ契約のパスワード再発行は 2026-11-23 09:58 に依頼済みです（状態: queued）。二重にメールが届かないよう、前の依頼の結果を待ってください。 / A password reissue for this contract was already requested.',
      }),
    )
    setup([YAMADA], api)
    const d = await dialog()
    typeReason(d, '再送')
    fireEvent.click(within(d).getByTestId('reissue-next'))
    fireEvent.click(await within(d).findByTestId('reissue-send'))
    const result = await within(d).findByTestId('reissue-result')
    expect(result.dataset.status).toBe('refused')
    expect(result.textContent).toContain('依頼不可')
    expect(result.textContent).toContain('2026-11-23 09:58 に依頼済みです')
    expect(result.textContent).not.toContain('already requested')
  })

  it('sends one request per contract in bulk, with each flow’s kind, and counts the outcomes', async () => {
    const api = createFakeApi()
    api.sync.status.mockImplementation(async () => ({ ...SYNCED, state: 'offline' }))
    api.reissues.request.mockImplementation(async (input) => {
      if (input.contractId === 22)
        throw new ApiCallError({ code: 'request_refused', message: '依頼済みです / already' })
      return queued(input.contractId, input.kind)
    })
    setup([YAMADA, SUZUKI, TAKAHASHI], api)
    const d = await dialog()
    fireEvent.click(within(d).getByRole('radio', { name: 'IDメール再送' }))
    typeReason(d, '一斉再送')
    fireEvent.click(within(d).getByTestId('reissue-next'))
    const confirm = await within(d).findByTestId('reissue-confirm')
    const lines = within(confirm).getAllByTestId('reissue-confirm-row')
    expect(lines.map((l) => l.textContent)).toEqual([
      expect.stringContaining('IDメール再送'),
      expect.stringContaining('IDメール再送'),
      expect.stringContaining('マイページ仮登録メール再送'),
    ])
    expect(lines.every((l) => l.textContent?.includes('登録済みのメールアドレス'))).toBe(true)
    fireEvent.click(within(confirm).getByRole('button', { name: '依頼する（3件）' }))
    await waitFor(() => expect(within(d).getAllByTestId('reissue-result')).toHaveLength(3))
    expect(api.reissues.request).toHaveBeenCalledTimes(3)
    expect(api.reissues.request.mock.calls.map(([i]) => [i.contractId, i.kind])).toEqual([
      [11, 'id_mail'],
      [22, 'id_mail'],
      [33, 'mypage_registration_mail'],
    ])
    expect(within(d).getByTestId('reissue-summary').textContent).toBe(
      '受付 2件・依頼不可 1件・エラー 0件',
    )
    // The insurer is unreachable: queued requests wait and say so.
    const [first] = within(d).getAllByTestId('reissue-result')
    expect(first!.textContent).toContain('保険会社に接続できないため送信待ちです')
  })
})
