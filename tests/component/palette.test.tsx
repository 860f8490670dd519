import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TRIAGE_CATEGORIES } from '../../electron/common/domain/triage-categories'
import { palette } from '../../renderer/src/shell/palette/palette-store'
import { AppLayout } from '../../renderer/src/shell/AppLayout'
import { ROUTES } from '../../renderer/src/shell/routes'
import { shortcutRegistry } from '../../renderer/src/shell/shortcuts/registry'
import { createFakeApi, makeRow, pageOf } from './fake-api'
import { render } from './render'

const YAMADA = makeRow({ id: 42, clientName: '山田 太郎', clientKana: 'ヤマダ タロウ' })
const BOOK = [makeRow({ id: 1 }), YAMADA]

/** The whole app on a fake backend whose search finds 山田 by part of the name. */
function renderApp() {
  const api = createFakeApi({ rows: BOOK })
  api.contracts.list.mockImplementation(async (input) => {
    const search = input.filters?.search
    const rows = search ? BOOK.filter((r) => r.clientName.includes(search)) : BOOK
    return pageOf(rows, input)
  })
  api.triage.list.mockImplementation(async (input) => ({
    scope: input.scope,
    category: input.category ?? 'bounced',
    counts: Object.fromEntries(TRIAGE_CATEGORIES.map((c) => [c, 0])) as never,
    rows: [],
    asOf: '2026-11-23T10:00:00+09:00',
  }))
  return { ...render(<AppLayout />, { api }), api }
}

const key = (init: KeyboardEventInit, target: Element = document.body) =>
  fireEvent.keyDown(target, init)

async function openWithHotkey() {
  await screen.findByTestId('staff-menu')
  key({ key: 'k', code: 'KeyK', ctrlKey: true })
  return screen.findByTestId('palette-search')
}

/** Spotlight reads the physical key (event.code) for its list keys, as a real keyboard sends. */
const enter = (input: Element) => fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' })

beforeEach(() => {
  window.location.hash = '#/contracts'
})
afterEach(() => {
  act(() => palette.close())
})

describe('command palette', () => {
  it('opens with Ctrl+K and jumps to a screen typed by name', async () => {
    renderApp()
    const search = await openWithHotkey()
    fireEvent.change(search, { target: { value: 'メール' } })
    const results = screen.getByTestId('palette-results')
    const actions = within(results).getAllByTestId('palette-action')
    expect(actions.map((a) => a.getAttribute('data-command'))).toEqual(['screen:/triage'])
    await waitFor(() => expect(actions[0]!.hasAttribute('data-selected')).toBe(true))
    enter(search)
    await waitFor(() => expect(window.location.hash).toBe('#/triage'))
    // The next opening starts from a blank search.
    key({ key: 'k', code: 'KeyK', ctrlKey: true })
    await waitFor(() => expect(screen.getByTestId('palette-search')).toHaveProperty('value', ''))
  })

  it('lists every screen of the navigation and the app actions when nothing is typed', async () => {
    renderApp()
    await openWithHotkey()
    const commands = screen
      .getAllByTestId('palette-action')
      .map((a) => a.getAttribute('data-command'))
    for (const route of ROUTES.filter((r) => !r.path.includes(':')))
      expect(commands).toContain(`screen:${route.path}`)
    expect(commands).toEqual(
      expect.arrayContaining(['action:sync', 'action:language', 'action:shortcuts']),
    )
    // Enter right away runs the first one.
    await waitFor(() =>
      expect(screen.getAllByTestId('palette-action')[0]!.hasAttribute('data-selected')).toBe(true),
    )
  })

  it('finds a client by part of the name and opens their contract', async () => {
    const { api } = renderApp()
    const search = await openWithHotkey()
    fireEvent.change(search, { target: { value: '山田' } })
    const client = await screen.findByTestId('palette-client')
    expect(client.textContent).toContain('山田 太郎 様')
    expect(api.contracts.list).toHaveBeenCalledWith({ filters: { search: '山田' }, limit: 8 })
    await waitFor(() => expect(client.hasAttribute('data-selected')).toBe(true))
    enter(search)
    await waitFor(() => expect(window.location.hash).toBe('#/contracts/42'))
  })

  it('says the active result to screen readers as the arrow keys move it', async () => {
    renderApp()
    const search = await openWithHotkey()
    const region = screen.getByTestId('palette-announcement')
    expect(region.getAttribute('aria-live')).toBe('polite')
    const actions = within(screen.getByTestId('palette-results')).getAllByTestId('palette-action')
    const total = actions.length
    const labelOf = (el: Element) => el.getAttribute('data-announce')
    // On opening, the first result is active and said.
    await waitFor(() =>
      expect(region.textContent).toBe(`${total}件中1件目: ${labelOf(actions[0]!)}`),
    )
    fireEvent.keyDown(search, { key: 'ArrowDown', code: 'ArrowDown' })
    await waitFor(() =>
      expect(region.textContent).toBe(`${total}件中2件目: ${labelOf(actions[1]!)}`),
    )
    expect(actions[1]!.hasAttribute('data-selected')).toBe(true)
    fireEvent.keyDown(search, { key: 'ArrowUp', code: 'ArrowUp' })
    await waitFor(() => expect(region.textContent).toMatch(/^\d+件中1件目: /))

    // A client found by name is said with its policy, car and maturity.
    fireEvent.change(search, { target: { value: '山田' } })
    await screen.findByTestId('palette-client')
    await waitFor(() =>
      expect(region.textContent).toBe(
        `1件中1件目: 山田 太郎 様 ${YAMADA.policyNumber}・${YAMADA.vehicleName}・満期 ${YAMADA.maturityDate.replaceAll('-', '/')}`,
      ),
    )
    act(() => palette.close())
    await waitFor(() => expect(screen.queryByTestId('palette-announcement')).toBeNull())
  })

  it('says so when nothing matches', async () => {
    renderApp()
    const search = await openWithHotkey()
    fireEvent.change(search, { target: { value: 'zzzz' } })
    expect((await screen.findByTestId('palette-empty')).textContent).toContain(
      '該当する画面・操作・お客様はありません',
    )
  })

  it('opens from the header button and runs "sync now"', async () => {
    const { api } = renderApp()
    fireEvent.click(await screen.findByTestId('palette-button'))
    const search = await screen.findByTestId('palette-search')
    fireEvent.change(search, { target: { value: '今すぐ同期' } })
    enter(search)
    await waitFor(() => expect(api.sync.run).toHaveBeenCalled())
  })
})

describe('shortcuts', () => {
  it('? opens a help that lists every entry of the registry', async () => {
    renderApp()
    await screen.findByTestId('staff-menu')
    key({ key: '?', code: 'Slash', shiftKey: true })
    const help = await screen.findByTestId('shortcuts-help')
    const ids = within(help)
      .getAllByTestId('shortcut-row')
      .map((r) => r.getAttribute('data-shortcut-id'))
    expect(ids).toEqual(shortcutRegistry(ROUTES).map((e) => e.id))
    const triageRow = within(help)
      .getAllByTestId('shortcut-row')
      .find((r) => r.getAttribute('data-shortcut-id') === 'go-/triage')
    expect(triageRow?.textContent).toContain('メール未着・登録エラー')
    expect(triageRow?.textContent).toMatch(/g.*m/)
  })

  it('g then m goes to the triage screen; the second key alone does nothing', async () => {
    renderApp()
    await screen.findByTestId('staff-menu')
    key({ key: 'm', code: 'KeyM' })
    expect(window.location.hash).toBe('#/contracts')
    key({ key: 'g', code: 'KeyG' })
    key({ key: 'm', code: 'KeyM' })
    await waitFor(() => expect(window.location.hash).toBe('#/triage'))
  })

  it('ignores plain-key shortcuts while typing, but Ctrl+K still opens the palette', async () => {
    renderApp()
    await screen.findByTestId('staff-menu')
    const input = document.createElement('input')
    document.body.appendChild(input)
    try {
      input.focus()
      key({ key: '?', code: 'Slash', shiftKey: true }, input)
      key({ key: 'g', code: 'KeyG' }, input)
      key({ key: 'm', code: 'KeyM' }, input)
      expect(screen.queryByTestId('shortcuts-help')).toBeNull()
      expect(window.location.hash).toBe('#/contracts')
      key({ key: 'k', code: 'KeyK', ctrlKey: true }, input)
      expect(await screen.findByTestId('palette-search')).toBeTruthy()
    } finally {
      input.remove()
    }
  })
})
