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

const COUNTDOWN =
  /^(Web手続き期限まで (\d+日 \d+時間|\d+時間 \d+分|\d+分 \d+秒)|期限切れ — 代理店で手続きを|満期日を過ぎています.*|この契約は手続き不要です.*)$/

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true })
  const shot = await page.screenshot({
    path: `test-results/screenshots/${name}.png`,
    fullPage: true,
  })
  await testInfo.attach(name, { body: shot, contentType: 'image/png' })
}

/** Opens, by double click, a contract whose web window is still open (from the list's end). */
async function openOpenContract(page: Page): Promise<void> {
  await openApp(page, host, '/contracts')
  const list = page.getByTestId('contract-list')
  await expect(page.getByTestId('contract-row').first()).toBeVisible()
  // The list is sorted by web deadline, nearest first: the far end holds the open windows.
  await list.focus()
  await page.keyboard.press('End')
  const open = page
    .getByTestId('contract-row')
    .filter({
      has: page.locator(
        '[data-urgency="d7"], [data-urgency="d14"], [data-urgency="d30"], [data-urgency="later"]',
      ),
    })
    .last()
  await open.dblclick()
  await expect(page).toHaveURL(/#\/contracts\/\d+$/)
  await expect(page.getByTestId('contract-detail')).toBeVisible()
}

test('Enter on the active row opens its contract; Escape goes back to the list', async ({
  page,
}, testInfo) => {
  await openApp(page, host, '/contracts')
  const list = page.getByTestId('contract-list')
  await expect(page.getByTestId('contract-row').first()).toBeVisible()
  await list.focus()
  await page.keyboard.press('ArrowDown')
  const active = page.locator('[data-testid="contract-row"][aria-current="true"]')
  const id = await active.getAttribute('data-contract-id')
  const policy = await active.getByTestId('policy-number').innerText()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/contracts/${id}$`))
  await expect(page.getByTestId('detail-policy-number')).toContainText(policy)
  await expect(page.getByTestId('detail-countdown')).toHaveText(COUNTDOWN)
  await expect(page.getByTestId('step-stage').first()).toBeVisible()
  // The nearest deadlines are the stuck ones: the screen at its busiest.
  await shoot(page, testInfo, 'contract-detail-stuck')
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/#\/contracts$/)
  await expect(page.getByTestId('contract-list')).toBeVisible()
})

test('add a note and set a follow-up; both show on the timeline; the countdown is shown', async ({
  page,
}, testInfo) => {
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await openOpenContract(page)

  const countdown = page.getByTestId('detail-countdown')
  await expect(countdown).toHaveText(/^Web手続き期限まで \d+日 \d+時間$/)
  await expect(page.getByTestId('detail-site-hours')).toContainText('04:00〜06:00')
  await expect(page.getByTestId('client-guide')).not.toBeEmpty()

  const note = `折り返し希望 ${Date.now()}`
  await page.getByLabel('メモを追加').fill(note)
  await page.getByTestId('note-save').click()
  await expect(page.getByTestId('note-saved')).toHaveText('メモを保存しました')
  await expect(page.getByTestId('note').first()).toContainText(note)

  // Typed into the date picker's input, in the format it shows (a Los Angeles PC, Japan dates).
  await page.getByLabel('連絡日', { exact: true }).fill('2026/12/05')
  await page.getByLabel('用件（任意）').fill('夕方に電話')
  await page.getByTestId('follow-up-save').click()
  await expect(page.getByTestId('follow-up-current')).toHaveText(
    '2026/12/05 に連絡予定（夕方に電話）',
  )

  const timeline = page.getByTestId('timeline-entry')
  await expect(timeline.first()).toHaveAttribute('data-label', 'followUpSet')
  await expect(timeline.first()).toContainText('次回連絡日を 2026/12/05 に設定')
  await expect(timeline.nth(1)).toHaveAttribute('data-label', 'note')
  await expect(timeline.nth(1)).toContainText(note)

  // Reload: what was written is in the database, not only on screen.
  await page.reload()
  await expect(page.getByTestId('note').first()).toContainText(note)
  await expect(page.getByTestId('follow-up-current')).toContainText('2026/12/05')
  await expect(countdown).toHaveText(/^Web手続き期限まで \d+日 \d+時間$/)

  await shoot(page, testInfo, 'contract-detail')
  expect(pageErrors).toEqual([])
})

test('a missing contract says so and offers the way back', async ({ page }, testInfo) => {
  await openApp(page, host, '/contracts/99999999')
  await expect(page.getByText('この契約は見つかりません')).toBeVisible()
  await shoot(page, testInfo, 'contract-detail-not-found')
  await page.getByTestId('detail-back').click()
  await expect(page).toHaveURL(/#\/contracts$/)
})

test('the contract detail has no serious or critical accessibility violations (light and dark)', async ({
  page,
}, testInfo) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    // A fresh load for each scheme (a hash-only change would not reload the app).
    await page.goto('about:blank')
    await openOpenContract(page)
    await expect(page.getByTestId('step-stage').first()).toBeVisible()
    const blocking = await blockingViolations(page, scheme)
    await shoot(page, testInfo, `contract-detail-${scheme}`)
    expect(blocking).toEqual([])
  }
})
