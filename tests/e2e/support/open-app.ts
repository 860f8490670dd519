import { expect, type Page } from '@playwright/test'
import type { SpawnedWebHost } from './web-host'

/**
 * Opens the app and, when it asks who is using it (first start), signs in as the first staff
 * member of the list with the keyboard. The choice is kept in the database, so later pages
 * of the same host open signed in.
 */
export async function openApp(page: Page, host: SpawnedWebHost, path = ''): Promise<void> {
  // From the app itself, a goto would only change the hash (no reload, token left in the
  // route): start each open from a blank page so the app loads and reads its token afresh.
  if (page.url() !== 'about:blank') await page.goto('about:blank')
  await page.goto(path ? host.url.replace('#', `#${path}&`) : host.url)
  await signInIfAsked(page)
}

export async function signInIfAsked(page: Page): Promise<void> {
  const signIn = page.getByRole('heading', { name: '担当者を選んでください' })
  const signedIn = page.getByTestId('staff-menu')
  await expect(signIn.or(signedIn)).toBeVisible({ timeout: 30_000 })
  if (await signIn.isVisible()) {
    const who = page.getByTestId('sign-in-staff')
    await who.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'この担当者で始める' }).click()
    await expect(signedIn).toBeVisible()
  }
}
