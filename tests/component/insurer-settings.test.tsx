import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ApiCallError } from '../../renderer/src/api/client'
import { InsurerSettingsDialog } from '../../renderer/src/features/settings/InsurerSettingsDialog'
import { createFakeApi } from './fake-api'
import { render } from './render'

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } })
}

function fillValid() {
  fill('保険会社ID', 'acme')
  fill('保険会社名', 'アクメ損保')
  fill('APIのURL', 'https://api.acme.example')
  fill('クライアントID', 'agency-1')
  fill('クライアントシークレット', 's3cret')
}

describe('保険会社の接続設定', () => {
  it('checks the input with the contract schema before sending anything', async () => {
    const api = createFakeApi()
    render(<InsurerSettingsDialog opened onClose={() => {}} />, { api })
    fillValid()
    fill('APIのURL', 'http://api.acme.example')
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    expect(await screen.findByText(/https:\/\/ のURLを指定してください/)).toBeTruthy()
    expect(api.insurer.configure).not.toHaveBeenCalled()
  })

  it('names every missing field in words', async () => {
    const api = createFakeApi()
    render(<InsurerSettingsDialog opened onClose={() => {}} />, { api })
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    expect(await screen.findByText(/URLを入力してください/)).toBeTruthy()
    expect(screen.getAllByText('入力してください / required')).toHaveLength(3)
    expect(api.insurer.configure).not.toHaveBeenCalled()
  })

  it('sends the settings once, clears the secret and says a restart connects', async () => {
    const api = createFakeApi()
    render(<InsurerSettingsDialog opened onClose={() => {}} />, { api })
    fillValid()
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    expect((await screen.findByTestId('insurer-settings-saved')).textContent).toContain(
      '再起動すると アクメ損保 に接続',
    )
    expect(api.insurer.configure).toHaveBeenCalledWith({
      insurerId: 'acme',
      name: 'アクメ損保',
      baseUrl: 'https://api.acme.example',
      clientId: 'agency-1',
      clientSecret: 's3cret',
    })
    await waitFor(() =>
      expect(
        (screen.getByLabelText('クライアントシークレット', { exact: false }) as HTMLInputElement)
          .value,
      ).toBe(''),
    )
  })

  it('explains a refusal from the OS secret store', async () => {
    const api = createFakeApi()
    api.insurer.configure.mockRejectedValueOnce(
      new ApiCallError({ code: 'secret_storage_unavailable', message: 'x' }),
    )
    render(<InsurerSettingsDialog opened onClose={() => {}} />, { api })
    fillValid()
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    expect((await screen.findByRole('alert')).textContent).toContain('OS資格情報ストア')
  })
})
