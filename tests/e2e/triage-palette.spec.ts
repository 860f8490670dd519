import { mkdirSync } from 'node:fs'
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { blockingViolations } from './support/axe'
import { openApp } from './support/open-app'
import { spawnWebHost, type SpawnedWebHost } from './support/web-host'

let host: SpawnedWebHost

test.beforeAll(async () => {
  host = await spawnWebHost()
})

test.afterAll(async () => {
  await host?.stop()
})

/** Kept as artifacts: attached to the report and copied to test-results/screenshots. */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true })
  const body = await page.screenshot({ path: `test-results/screenshots/${name}.png` })
  await testInfo.attach(name, { body, contentType: 'image/png' })
}

/**
 * Screens are reached by the hash route: a second page.goto() that differs only in the hash
 * would not reload the page, and the token in it would land on an unknown route.
 */
async function goTo(page: Page, path: string): Promise<void> {
  // Runs in the page; the e2e tsconfig has no DOM types, hence globalThis.
  await page.evaluate((hash) => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = hash
  }, `#${path}`)
}

async function openTriageForEveryone(page: Page): Promise<void> {
  if (!page.url().startsWith('http')) await openApp(page, host)
  await goTo(page, '/triage')
  await expect(page.getByRole('heading', { name: 'メール未着・登録エラー' })).toBeVisible()
  await page.getByTestId('triage-scope').getByText('すべて').click()
}

test('the triage screen groups stuck clients and says what to tell a bounced one', async ({
  page,
}, testInfo) => {
  await openTriageForEveryone(page)
  const bouncedTab = page.getByTestId('triage-tab-bounced')
  await expect(bouncedTab.getByTestId('triage-count')).toHaveText(/^[1-9][\d,]*件$/)
  for (const category of [
    'password_mail_missing',
    'no_mail',
    'password_suppressed',
    'provisional_expired',
    'registration_mismatch',
    'wrong_policy_number',
  ]) {
    await expect(page.getByTestId(`triage-tab-${category}`)).toBeVisible()
  }
  await bouncedTab.click()
  await expect(bouncedTab).toHaveAttribute('aria-selected', 'true')
  const carrier = page
    .getByTestId('triage-row')
    .filter({ hasText: '携帯キャリアの受信拒否' })
    .first()
  await expect(carrier).toBeVisible()
  await expect(carrier.getByTestId('triage-reason')).toContainText('不達')
  await expect(carrier.getByTestId('triage-advice')).toContainText('ドメイン指定受信')
  await expect(carrier.getByTestId('triage-since')).toContainText(/\d+\/\d+ \d{2}:\d{2}から・/)
  await shoot(page, testInfo, 'triage-bounced')

  await page.getByTestId('triage-tab-registration_mismatch').click()
  await expect(page.getByTestId('triage-reason').first()).toContainText(/本人情報の不一致（.+）/)
  await shoot(page, testInfo, 'triage-mismatch')
})

test('keyboard only: the palette opens a screen, then a client found by part of the name', async ({
  page,
}, testInfo) => {
  await openTriageForEveryone(page)
  const name = (await page.getByTestId('triage-client').first().innerText()).replace(/ 様$/, '')
  const part = name.replace(/\s/g, '').slice(0, -1)

  await goTo(page, '/contracts')
  await expect(page.getByTestId('staff-menu')).toBeVisible()
  await page.keyboard.press('Control+K')
  const search = page.getByTestId('palette-search')
  await expect(search).toBeFocused()
  await page.keyboard.type('メール未着')
  await expect(page.locator('[data-command="screen:/triage"][data-selected]')).toBeVisible()
  // Screen readers hear the active result, since focus stays in the search box.
  await expect(page.getByTestId('palette-announcement')).toHaveText(
    /^1件中1件目: メール未着・登録エラー/,
  )
  await shoot(page, testInfo, 'palette-screen')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/triage$/)
  await expect(page.getByRole('heading', { name: 'メール未着・登録エラー' })).toBeVisible()
  await expect(search).toBeHidden()

  await page.keyboard.press('Control+K')
  await expect(search).toHaveValue('')
  await expect(search).toBeFocused()
  await page.keyboard.type(part)
  const selected = page.locator('[data-testid="palette-client"][data-selected]')
  await expect(selected).toBeVisible()
  await expect(selected).toContainText(part.slice(0, 1))
  await page.keyboard.press('ArrowUp') // wraps to the last result, which is then said
  await expect(page.getByTestId('palette-announcement')).toHaveText(/^(\d+)件中\1件目: .+ 様 /)
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('palette-announcement')).toHaveText(/^\d+件中1件目: .+ 様 /)
  const command = await selected.getAttribute('data-command')
  await shoot(page, testInfo, 'palette-client')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/contracts/${command?.replace('client:', '')}$`))
  await expect(page.getByTestId('palette-search')).toBeHidden()
})

test('? opens the shortcuts help, Escape closes it; g then m goes to the triage screen', async ({
  page,
}, testInfo) => {
  await openApp(page, host, '/contracts')
  await expect(page.getByTestId('staff-menu')).toBeVisible()
  // "/" jumps to the list's search box; typed there, "?" is just a character.
  const listSearch = page.locator('main input[type="search"]')
  await page.keyboard.press('/')
  await expect(listSearch).toBeFocused()
  await page.keyboard.press('Shift+?')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await listSearch.fill('')
  await listSearch.blur()

  await page.keyboard.press('Shift+?')
  const help = page.getByRole('dialog', { name: 'キーボードショートカット' })
  await expect(help).toBeVisible()
  await expect(
    help.getByTestId('shortcut-row').filter({ hasText: 'メール未着・登録エラー' }),
  ).toBeVisible()
  await expect(
    help.getByTestId('shortcut-row').filter({ hasText: 'コマンドパレット' }),
  ).toContainText('Ctrl')
  await shoot(page, testInfo, 'shortcuts-help')
  expect(await blockingViolations(page, 'help', '[role="dialog"]')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()

  await page.keyboard.press('g')
  await page.keyboard.press('m')
  await expect(page).toHaveURL(/#\/triage$/)
})

test('no serious or critical accessibility violations: triage (light and dark) and the open palette', async ({
  page,
}, testInfo) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await openTriageForEveryone(page)
    await expect(page.getByTestId('triage-row').first()).toBeVisible()
    await shoot(page, testInfo, `triage-${scheme}`)
    expect(await blockingViolations(page, `triage ${scheme}`)).toEqual([])
  }
  await page.keyboard.press('Control+K')
  await expect(page.getByTestId('palette-search')).toBeFocused()
  await expect(page.getByTestId('palette-action').first()).toBeVisible()
  // Enter at once would open the first screen: it is already selected.
  await expect(page.getByTestId('palette-action').first()).toHaveAttribute('data-selected', 'true')
  await shoot(page, testInfo, 'palette-dark')
  expect(await blockingViolations(page, 'palette', '[role="dialog"]')).toEqual([])
})
