import { mkdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
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

async function maturities(page: Page): Promise<string[]> {
  return page.getByTestId('maturity').allInnerTexts()
}

test('a fresh install shows the demo book in Japanese, sortable by maturity', async ({
  page,
}, testInfo) => {
  await openApp(page, host, '/contracts')

  // The first start seeded demo data: Japanese header, demo label, rows.
  await expect(page.getByText('更新デスク').first()).toBeVisible()
  await expect(page.getByText('デモデータ').first()).toBeVisible()
  // No insurer configured: the app started the demo insurer, connected to it, and filled
  // the empty cache by syncing from it.
  await expect(page.getByTestId('insurer-connection')).toHaveText('デモ保険会社に接続中')
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'idle')
  await expect(page.getByTestId('sync-indicator')).toContainText('最終同期')
  await expect(page.getByTestId('offline-banner')).toHaveCount(0)
  // One demo endpoint serves both demo insurers: each contract is cached once.
  await expect(page.getByTestId('contract-total')).toHaveText('3,000件')
  const rows = page.getByTestId('contract-row')
  await expect(rows.first()).toBeVisible()
  expect(await rows.count()).toBeGreaterThan(10)
  await expect(page.getByRole('columnheader', { name: /満期日/ })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: /Web手続き期限/ })).toBeVisible()
  // The token left the address bar once read.
  expect(page.url()).not.toContain('token=')

  // Sort by maturity, ascending then descending.
  const maturityHeader = page.getByRole('columnheader', { name: /満期日/ })
  await maturityHeader.getByRole('button').click()
  await expect(maturityHeader).toHaveAttribute('aria-sort', 'ascending')
  await expect
    .poll(async () => {
      const dates = await maturities(page)
      return dates.length > 5 && dates.every((d, i) => i === 0 || dates[i - 1]! <= d)
    })
    .toBe(true)
  const ascendingFirst = (await maturities(page))[0]

  await maturityHeader.getByRole('button').click()
  await expect(maturityHeader).toHaveAttribute('aria-sort', 'descending')
  await expect
    .poll(async () => {
      const dates = await maturities(page)
      return dates.length > 5 && dates.every((d, i) => i === 0 || dates[i - 1]! >= d)
    })
    .toBe(true)
  expect((await maturities(page))[0]! > ascendingFirst!).toBe(true)

  mkdirSync('test-results/screenshots', { recursive: true })
  const shot = await page.screenshot({ path: 'test-results/screenshots/contract-list.png' })
  await testInfo.attach('contract-list', { body: shot, contentType: 'image/png' })
})

test('web cutoff is shown in Japan time even though this browser runs in Los Angeles time', async ({
  page,
}) => {
  await openApp(page, host, '/contracts')
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  expect(zone).toBe('America/Los_Angeles')
  const cutoffCells = page.getByTestId('web-cutoff')
  await expect(cutoffCells.first()).toBeVisible()
  // Seed rule: always 23:55 JST, whatever the browser's zone.
  const texts = await cutoffCells.allInnerTexts()
  expect(texts.length).toBeGreaterThan(0)
  for (const text of texts) expect(text).toContain('23:55')
})

test('the contract list has no serious or critical accessibility violations (light and dark)', async ({
  page,
}) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await openApp(page, host, '/contracts')
    await expect(page.getByTestId('contract-row').first()).toBeVisible()
    const blocking = await blockingViolations(page, scheme)
    expect(blocking).toEqual([])
  }
})

test('the list works from the keyboard alone', async ({ page }) => {
  await openApp(page, host, '/contracts')
  await expect(page.getByTestId('contract-row').first()).toBeVisible()
  // Tab from the top of the page until the list has focus, then move the active row.
  const list = page.getByTestId('contract-list')
  for (
    let i = 0;
    i < 30 && !(await list.evaluate((el) => el.contains(el.ownerDocument.activeElement)));
    i++
  ) {
    await page.keyboard.press('Tab')
  }
  await expect(list).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('[data-testid="contract-row"][aria-current="true"]')).toHaveAttribute(
    'aria-rowindex',
    '4',
  )
  // Sorting from the keyboard: focus the maturity header button and press Enter.
  const maturityButton = page.getByRole('columnheader', { name: /満期日/ }).getByRole('button')
  await maturityButton.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('columnheader', { name: /満期日/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
})

test('the insurer connection settings open from the keyboard, explain bad input and pass axe', async ({
  page,
}) => {
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await openApp(page, host, '/contracts')
  await expect(page.getByTestId('contract-row').first()).toBeVisible()
  await page.getByRole('button', { name: '接続設定' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: '保険会社の接続設定' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Tab')
  await dialog.getByLabel('APIのURL', { exact: false }).fill('http://insurer.example')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog.getByText(/https:\/\/ のURLを指定してください/)).toBeVisible()
  await expect(dialog.getByText('入力してください / required').first()).toBeVisible()
  expect(await blockingViolations(page, 'settings dialog', '[role="dialog"]')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(pageErrors).toEqual([])
})
