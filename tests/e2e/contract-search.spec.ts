import { mkdirSync } from 'node:fs'
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { toHalfWidthKana } from '../support/half-width-kana'
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

const matches = (page: Page) => page.getByTestId('contract-matches')
async function matchCount(page: Page): Promise<number> {
  return Number(await matches(page).getAttribute('data-count'))
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync('test-results/screenshots', { recursive: true })
  const shot = await page.screenshot({ path: `test-results/screenshots/${name}.png` })
  // Kept outside test-results too: other suites' runs clean that folder.
  mkdirSync('/tmp/contract-search-shots', { recursive: true })
  await page.screenshot({ path: `/tmp/contract-search-shots/${name}.png` })
  await testInfo.attach(name, { body: shot, contentType: 'image/png' })
}

/**
 * Types characters into the search box back to back, the way React sees keystrokes, and says
 * for each how many contracts:list requests had started when its input event returned (runs
 * in the page, kept as source text: the e2e tsconfig has no DOM types).
 */
const KEYSTROKE_REQUESTS = `(keys) => {
  const box = document.querySelector('[data-testid="contract-search"]')
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  const original = window.fetch
  let started = 0
  window.fetch = (input, init) => {
    if (String(input).includes('contracts:list')) started += 1
    return original(input, init)
  }
  try {
    return keys.map((key) => {
      started = 0
      setValue.call(box, box.value + key)
      box.dispatchEvent(new Event('input', { bubbles: true }))
      return started
    })
  } finally {
    window.fetch = original
  }
}`

async function requestsStartedByKeystrokes(page: Page, keys: string[]): Promise<number[]> {
  return (await page.evaluate(`(${KEYSTROKE_REQUESTS})(${JSON.stringify(keys)})`)) as number[]
}

/** The kanji name and kana reading of the first row on screen (a person in the demo book). */
async function firstClient(page: Page): Promise<{ kanji: string; kana: string }> {
  const cell = page.getByTestId('contract-row').first().getByRole('cell').nth(1)
  const [kanji = '', kana = ''] = await cell.locator('span').allInnerTexts()
  return { kanji, kana }
}

test('search with half-width kana finds the kanji name; 1-character queries work', async ({
  page,
}, testInfo) => {
  await openApp(page, host, '/contracts')
  await expect(page.getByTestId('contract-row').first()).toBeVisible()
  // The first start fills the cache from the demo insurer one insurer after the other: the
  // list can show before the second has landed, so wait for the whole book.
  await expect.poll(() => matchCount(page), { timeout: 30_000 }).toBe(3000)
  const all = await matchCount(page)
  const { kanji, kana } = await firstClient(page)
  const family = kana.split('\u3000')[0]!
  const halfWidth = toHalfWidthKana(family)
  expect(halfWidth).toMatch(/^[\uff66-\uff9f]+$/)

  // '/' jumps to the search box from the list.
  await page.getByTestId('contract-list').focus()
  await page.keyboard.press('/')
  const search = page.getByRole('searchbox', { name: '契約を検索' })
  await expect(search).toBeFocused()
  await page.keyboard.type(halfWidth)
  await expect.poll(() => matchCount(page)).toBeLessThan(all)
  await expect(page.getByTestId('contract-row').filter({ hasText: kanji }).first()).toBeVisible()
  // Every row found has that reading (kana of the client or of the named insured).
  const found = await matchCount(page)
  expect(found).toBeGreaterThan(0)
  await shoot(page, testInfo, 'contract-search-kana')

  // Escape clears the query: the whole book again.
  await page.keyboard.press('Escape')
  await expect(search).toHaveValue('')
  await expect.poll(() => matchCount(page)).toBe(all)

  // A 1-character query: the first character of the kanji family name. Typed after a pause,
  // its request starts within the keystroke itself (not a frame and a render later); a
  // second character right after it waits to be gathered with any that follow.
  const one = [...kanji][0]!
  await page.waitForTimeout(100)
  expect(await requestsStartedByKeystrokes(page, [one, [...kanji][1]!])).toEqual([1, 0])
  await page.keyboard.press('Backspace')
  await expect(search).toHaveValue(one)
  await expect.poll(() => matchCount(page)).toBeLessThan(all)
  expect(await matchCount(page)).toBeGreaterThan(0)
  const names = await page.getByTestId('contract-row').allInnerTexts()
  expect(names.length).toBeGreaterThan(0)
  for (const text of names.slice(0, 10)) expect(text).toContain(one)

  // 2 characters (through the trigram index's vocabulary): the kanji family name's first two,
  // then a pair no name contains — the empty state says what to do.
  const two = [...kanji].slice(0, 2).join('')
  await search.fill(two)
  await expect.poll(() => matchCount(page)).toBeLessThan(all)
  expect(await matchCount(page)).toBeGreaterThan(0)
  for (const text of (await page.getByTestId('contract-row').allInnerTexts()).slice(0, 10))
    expect(text).toContain(two)
  await shoot(page, testInfo, 'contract-search-two-characters')
  await search.fill('ゐゑ')
  await expect(page.getByText('条件に合う契約はありません')).toBeVisible()
  await expect(page.getByTestId('contract-row')).toHaveCount(0)
  await shoot(page, testInfo, 'contract-search-two-characters-no-match')
})

test('a filter narrows the count; a saved view re-applies it', async ({ page }, testInfo) => {
  await openApp(page, host, '/contracts')
  await expect(page.getByTestId('contract-row').first()).toBeVisible()
  await expect.poll(() => matchCount(page), { timeout: 30_000 }).toBe(3000)
  const all = await matchCount(page)

  await page.getByTestId('filter-toggle').click()
  await page.getByTestId('filter-flow').click()
  await page.getByRole('option', { name: /^B: / }).click()
  await expect.poll(() => matchCount(page)).toBeLessThan(all)
  const flowB = await matchCount(page)
  expect(flowB).toBeGreaterThan(0)
  await page.getByTestId('filter-urgency').click()
  await page.getByRole('option', { name: '30日以内' }).click()
  await page.keyboard.press('Escape')
  await expect.poll(() => matchCount(page)).toBeLessThan(flowB)
  const narrowed = await matchCount(page)
  await shoot(page, testInfo, 'contract-filters')

  // Save under a name, clear everything, then apply the view again.
  await page.getByTestId('saved-views-button').click()
  await page.getByTestId('saved-view-name').fill('B方式・30日以内')
  await page.getByTestId('saved-view-save').click()
  await expect(page.getByRole('button', { name: 'B方式・30日以内', exact: true })).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByTestId('filter-clear').click()
  await expect.poll(() => matchCount(page)).toBe(all)

  await page.getByTestId('saved-views-button').click()
  await page.getByRole('button', { name: 'B方式・30日以内', exact: true }).click()
  await expect.poll(() => matchCount(page)).toBe(narrowed)
  await expect(page.getByTestId('filter-toggle')).toContainText('2')
})

test('filters and search have no serious or critical accessibility violations (light and dark)', async ({
  page,
}, testInfo) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    // A fresh load each time: a second goto that changes only the hash would not reload.
    await page.goto('about:blank')
    await openApp(page, host, '/contracts')
    await expect(page.getByTestId('contract-row').first()).toBeVisible()
    if ((await page.getByTestId('filter-fields').count()) === 0)
      await page.getByTestId('filter-toggle').click()
    await page.getByRole('searchbox').fill('やま')
    await expect(page.getByTestId('contract-row').first()).toBeVisible()
    const blocking = await blockingViolations(page, scheme)
    expect(blocking).toEqual([])
    await shoot(page, testInfo, `contract-search-${scheme}`)
  }
})
