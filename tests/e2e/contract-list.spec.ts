import { mkdirSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
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

test('filters and search live in the URL: back from a contract and a reload keep the same rows', async ({
  page,
}) => {
  await openApp(page, host, '/contracts')
  const rows = page.getByTestId('contract-row')
  await expect(rows.first()).toBeVisible()
  await page.getByTestId('filter-toggle').click()
  await page.getByTestId('filter-flow').click()
  await page.getByRole('option', { name: /^B: / }).click()
  await page.getByTestId('contract-search').fill('ヤマ')
  await expect(page.locator('[data-applied-search="ヤマ"]')).toBeVisible()
  await expect(page).toHaveURL(/#\/contracts\?flow=B&q=%E3%83%A4%E3%83%9E$/)
  const count = await page.getByTestId('contract-matches').getAttribute('data-count')
  expect(Number(count)).toBeGreaterThan(0)
  const names = await rows.locator('[data-testid="policy-number"]').allInnerTexts()
  expect(names.length).toBeGreaterThan(0)

  const sameList = async () => {
    await expect(page.getByTestId('contract-search')).toHaveValue('ヤマ')
    await expect(page.getByTestId('filter-flow')).toHaveValue(/^B: /)
    await expect(page.getByTestId('contract-matches')).toHaveAttribute('data-count', count!)
    await expect(rows.locator('[data-testid="policy-number"]')).toHaveText(names)
  }

  // Open a contract, then the browser's back.
  await rows.first().dblclick()
  await expect(page).toHaveURL(/#\/contracts\/\d+$/)
  await page.goBack()
  await sameList()
  // The detail's own "back to the list" link also returns to the filtered list.
  await rows.first().dblclick()
  await page.getByTestId('detail-back').click()
  await expect(page).toHaveURL(/#\/contracts\?flow=B&q=/)
  await sameList()
  // A reload (the token is kept for the tab) shows the same list.
  await page.reload()
  await sameList()
  // Clearing adds a history entry: back brings the filters back.
  await page.getByTestId('filter-clear').click()
  await expect(page).toHaveURL(/#\/contracts$/)
  await page.goBack()
  await sameList()
})

test('a copied link with filters opens the same list, bad values ignored', async ({ page }) => {
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await openApp(page, host, '/contracts?flow=B&urgency=d3,bogus&maturityTo=2026-99-99')
  await expect(page.getByTestId('contract-row').first()).toBeVisible()
  // The token left the address bar; the filters stayed.
  expect(page.url()).not.toContain('token=')
  expect(page.url()).toContain('#/contracts?flow=B&urgency=d3,bogus&maturityTo=2026-99-99')
  // Two filters apply (flow, urgency d3); the unknown bucket and the impossible date do not.
  await expect(page.getByTestId('filter-toggle')).toContainText('2')
  await expect(page.getByTestId('filter-urgency')).toBeVisible()
  await expect(page.getByTestId('filter-flow')).toHaveValue(/^B: /)
  expect(pageErrors).toEqual([])
})

test('the maturity range is typed into the date pickers and keeps Japan dates in a Los Angeles browser', async ({
  page,
}) => {
  await openApp(page, host, '/contracts')
  await expect(page.getByTestId('contract-row').first()).toBeVisible()
  const day = (await maturities(page))[0]! // 2026/12/24: the most urgent contract's maturity
  await page.getByTestId('filter-toggle').click()
  await page.getByLabel('満期日（から）').fill(day)
  await page.getByLabel('満期日（まで）').fill(day)
  await page.getByLabel('満期日（まで）').press('Escape')
  const iso = day.replaceAll('/', '-')
  await expect(page).toHaveURL(new RegExp(`maturityFrom=${iso}&maturityTo=${iso}`))
  await expect(page.getByLabel('満期日（から）')).toHaveValue(day)
  await expect
    .poll(async () => {
      const dates = await maturities(page)
      return dates.length > 0 && dates.every((d) => d === day)
    })
    .toBe(true)
  // The calendar opens on that month, in Japanese, and the clear button empties the field.
  await page.getByLabel('満期日（から）').click()
  await expect(
    page.getByRole('button', { name: new RegExp(`^${day.slice(0, 4)}年`) }).first(),
  ).toBeVisible()
  await page.getByRole('button', { name: '日付を消す' }).first().click()
  await expect(page.getByLabel('満期日（から）')).toHaveValue('')
  await expect(page).not.toHaveURL(/maturityFrom=/)
})

test('on a 1280-pixel window in English, the demo badge and the header controls keep their whole labels, unoverlapped', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openApp(page, host, '/contracts')
  await expect(page.getByTestId('contract-row').first()).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByTestId('demo-data-badge')).toHaveText('Demo data')
  // Cut to an ellipsis, a label is wider inside than the box that shows it.
  const isCut = (label: Locator) =>
    label.evaluate((element) => element.scrollWidth > element.clientWidth + 1)
  expect(await isCut(page.getByTestId('demo-data-badge').locator('.mantine-Badge-label'))).toBe(
    false,
  )
  expect(await isCut(page.getByRole('button', { name: 'Connection' }))).toBe(false)
  expect(await isCut(page.getByText('English', { exact: true }))).toBe(false)
  // Nothing drawn over the badge: the palette button, next along, starts after it ends.
  const badge = (await page.getByTestId('demo-data-badge').boundingBox())!
  const palette = (await page.getByTestId('palette-button').boundingBox())!
  expect(palette.x).toBeGreaterThanOrEqual(badge.x + badge.width)
  await page.getByText('日本語', { exact: true }).click()
})
