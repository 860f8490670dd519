/**
 * Opens a link in the user's browser only when it is plain https (after Actual's
 * openExternalUrl): never file:, javascript:, custom schemes or http to a LAN box.
 */
export function openExternalUrl(value: string, open: (url: string) => Promise<void>): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'https:') return false
  void open(url.toString())
  return true
}
