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

/** Reasons a new temporary password fixes (flow A). */
const PASSWORD_REASONS = [
  'password_mail_missing',
  'password_expired',
  'password_suppressed_earlier_year',
  'never_logged_in',
]

async function openToday(page: Page, scope: 'すべて' | '自分の支店' | '自分の担当' = 'すべて') {
  await openApp(page, host, '/today')
  await expect(page.getByRole('heading', { name: '今日の対応' })).toBeVisible()
  // The first start fills the cache through a sync; wait until the list has rows.
  await page.getByTestId('today-scope').getByText(scope, { exact: true }).click()
  await expect(page.getByRole('radio', { name: scope })).toBeChecked()
  await expect(page.getByTestId('today-row').first()).toBeVisible({ timeout: 60_000 })
}

/** Puts the demo insurer into (or out of) a forced outage through its admin API. */
async function insurerDown(down: boolean): Promise<void> {
  const demo = host.demoInsurer()
  if (!demo) throw new Error('the web host did not print the demo insurer and its admin token')
  const response = await fetch(`${demo.url}/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-admin-token': demo.adminToken },
    body: JSON.stringify({ forcedClosure: down }),
  })
  expect(response.status).toBe(200)
}

/** Reissues the demo insurer has accepted so far (whatever their later outcome). */
async function insurerAcceptedReissues(): Promise<number> {
  const demo = host.demoInsurer()
  if (!demo) throw new Error('the web host did not print the demo insurer and its admin token')
  const response = await fetch(`${demo.url}/admin/state`, {
    headers: { 'x-demo-admin-token': demo.adminToken },
  })
  const state = (await response.json()) as {
    reissues: { accepted: number; completed: number; failed: number }
  }
  return state.reissues.accepted + state.reissues.completed + state.reissues.failed
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: '今すぐ同期' }).click()
}

async function axe(page: Page, label: string, include?: string): Promise<void> {
  expect(await blockingViolations(page, label, include)).toEqual([])
}

async function reissueThroughDialog(page: Page, kind: string, reason: string, count: number) {
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('radio', { name: kind }).check()
  await dialog.getByTestId('reissue-reason').fill(reason)
  await dialog.getByTestId('reissue-next').click()
  const confirm = dialog.getByTestId('reissue-confirm')
  await expect(confirm.getByTestId('reissue-confirm-row')).toHaveCount(count)
  return { dialog, confirm }
}

function outboxBadge(row: Locator): Locator {
  return row.getByTestId('today-outbox')
}

test('find a stuck client in today’s list and reissue the password', async ({ page }, testInfo) => {
  await openToday(page)
  const stuck = page
    .getByTestId('today-row')
    .filter({ has: page.locator(PASSWORD_REASONS.map((c) => `li[data-code="${c}"]`).join(', ')) })
    .filter({ hasNot: page.getByTestId('today-outbox') })
    .first()
  await expect(stuck).toBeVisible()
  const contractId = await stuck.getAttribute('data-contract-id')
  const client = (await stuck.getByTestId('today-client').innerText()).trim()
  await expect(stuck.getByTestId('today-next-action')).toContainText('次の対応')
  await expect(stuck.getByTestId('today-countdown')).toHaveText(/Web期限/)
  // The whole agency has more due than the list's 500: the header gives the scope's count
  // (the switcher's number) and the line under the list how many are not shown.
  const allCount = page.getByRole('radio', { name: /^すべて/ }).locator('..')
  const counted = (await allCount.getByTestId('today-scope-count').innerText()).trim()
  await expect(page.getByTestId('today-total')).toHaveText(counted)
  const due = Number(counted.replace(/[^0-9]/g, ''))
  expect(due).toBeGreaterThan(500)
  await expect(page.getByTestId('today-more')).toContainText(
    `ほか${(due - 500).toLocaleString('ja-JP')}件`,
  )
  await page.screenshot({ path: testInfo.outputPath('today-list.png') })

  await stuck.getByTestId('today-reissue').click()
  const { dialog, confirm } = await reissueThroughDialog(
    page,
    'パスワード再発行',
    'お客さまから電話: パスワード発行メールが届かない',
    1,
  )
  await expect(confirm).toContainText(client)
  await expect(confirm).toContainText('パスワード再発行')
  await expect(confirm).toContainText('登録済みのメールアドレス')
  await page.screenshot({ path: testInfo.outputPath('reissue-confirm.png') })
  await confirm.getByTestId('reissue-send').click()
  const result = dialog.getByTestId('reissue-result')
  await expect(result).toHaveAttribute('data-status', 'queued')
  await expect(result).toContainText('受付済み')
  await page.screenshot({ path: testInfo.outputPath('reissue-result.png') })
  await dialog.getByTestId('reissue-close').click()

  // The row says the request is on its way, then that the insurer took it.
  const row = page.locator(`[data-testid="today-row"][data-contract-id="${contractId}"]`)
  await expect(outboxBadge(row)).toBeVisible()
  await syncNow(page)
  await expect(outboxBadge(row)).toHaveAttribute('data-state', /accepted|completed/, {
    timeout: 30_000,
  })
})

test('a bulk reissue while the insurer is down is queued, then accepted once it is back', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000)
  await openToday(page)
  const acceptedBefore = await insurerAcceptedReissues()
  const ids: string[] = []
  await insurerDown(true)
  try {
    await syncNow(page)
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute(
      'data-state',
      /site_closed|offline/,
      { timeout: 30_000 },
    )

    // Three flow-A clients nobody has asked a reissue for yet.
    const free = page
      .locator('[data-testid="today-row"][data-flow="A"]')
      .filter({ hasNot: page.getByTestId('today-outbox') })
    for (const row of (await free.all()).slice(0, 3)) {
      const id = await row.getAttribute('data-contract-id')
      if (id) ids.push(id)
    }
    expect(ids).toHaveLength(3)
    for (const id of ids)
      await page
        .locator(`[data-testid="today-row"][data-contract-id="${id}"]`)
        .getByTestId('today-select')
        .check()
    await expect(page.getByTestId('today-reissue-selected')).toHaveText('選択した3件を再発行…')
    await page.getByTestId('today-reissue-selected').click()

    const { dialog, confirm } = await reissueThroughDialog(
      page,
      'IDメール再送',
      '一斉フォロー: IDメール未着の方へ再送',
      3,
    )
    await axe(page, 'dialog', '[role="dialog"]')
    await confirm.getByRole('button', { name: '依頼する（3件）' }).click()
    const results = dialog.getByTestId('reissue-result')
    await expect(results).toHaveCount(3)
    for (const result of await results.all()) {
      await expect(result).toHaveAttribute('data-status', 'queued')
      await expect(result).toHaveAttribute('data-offline', 'true')
      await expect(result).toContainText('保険会社に接続できないため送信待ちです')
    }
    await page.screenshot({ path: testInfo.outputPath('bulk-queued-offline.png') })
    await dialog.getByTestId('reissue-close').click()
    for (const id of ids) {
      const row = page.locator(`[data-testid="today-row"][data-contract-id="${id}"]`)
      await expect(outboxBadge(row)).toHaveAttribute('data-state', 'queued')
    }
    // Nothing reached the insurer while it was down.
    expect(await insurerAcceptedReissues()).toBe(acceptedBefore)
  } finally {
    await insurerDown(false)
  }

  // Back: a sync now sends the queue (a request the closure pushed back waits for its
  // Retry-After, so ask again until each one is accepted).
  await expect
    .poll(
      async () => {
        await syncNow(page)
        await page.waitForTimeout(3_000)
        return page.locator('[data-testid="today-outbox"][data-state="queued"]').count()
      },
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe(0)
  // The insurer took all three (its later outcome per contract is its own business: a
  // request for a contract past its web cutoff fails there, and the row says so).
  expect(await insurerAcceptedReissues()).toBe(acceptedBefore + 3)
  for (const id of ids) {
    const row = page.locator(`[data-testid="today-row"][data-contract-id="${id}"]`)
    await expect(outboxBadge(row)).toHaveAttribute('data-state', /accepted|completed|failed/)
  }
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'idle', {
    timeout: 30_000,
  })
  await page.screenshot({ path: testInfo.outputPath('bulk-accepted.png') })
})

test('today’s list works from the keyboard and passes axe in light and dark', async ({
  page,
}, testInfo) => {
  // Axe walks every node: one person's list keeps the scan within the test's time.
  test.setTimeout(180_000)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await openToday(page, '自分の担当')
    await axe(page, scheme)
    await page.screenshot({ path: testInfo.outputPath(`today-${scheme}.png`) })
  }
  const list = page.getByTestId('today-list')
  await list.focus()
  // Only the rows in view are drawn: End scrolls the last one in (its place says it is the
  // last), Home the first.
  const total = Number(await page.getByTestId('today-row').first().getAttribute('aria-setsize'))
  expect(total).toBeGreaterThan(15)
  const atPlace = (place: number) =>
    page.locator(`[data-testid="today-row"][aria-posinset="${place}"]`)
  await page.keyboard.press('End')
  await expect(atPlace(total)).toHaveAttribute('aria-current', 'true')
  await expect(atPlace(total)).toBeInViewport()
  await expect(atPlace(1)).toHaveCount(0)
  await page.keyboard.press('Home')
  await expect(atPlace(1)).toHaveAttribute('aria-current', 'true')
  await expect(atPlace(1)).toBeInViewport()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Space')
  const second = page.getByTestId('today-row').nth(1)
  await expect(second).toHaveAttribute('aria-current', 'true')
  await expect(second.getByTestId('today-select')).toBeChecked()
  const id = await second.getAttribute('data-contract-id')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/contracts/${id}$`))
})
