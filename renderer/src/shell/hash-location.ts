import { useSyncExternalStore } from 'react'

/**
 * wouter's hash location, with a query string inside the hash (#/contracts?insurer=a).
 * wouter's own hook keeps the query in the page URL (?insurer=a#/contracts) and would
 * match '/contracts?insurer=a' against the routes as a path; here the route sees only the
 * path and useSearch() sees the query, so a copied link or a reload keeps both.
 */

/** '#/contracts?insurer=a' → ['/contracts', 'insurer=a']; the leading '#' and '/' are optional. */
export function splitHash(hash: string): [path: string, query: string] {
  const body = hash.replace(/^#?\/?/, '')
  const at = body.indexOf('?')
  return at < 0 ? [`/${body}`, ''] : [`/${body.slice(0, at)}`, body.slice(at + 1)]
}

function subscribe(onChange: () => void): () => void {
  // Back/forward between entries that differ only in the query fire popstate, not always hashchange.
  addEventListener('hashchange', onChange)
  addEventListener('popstate', onChange)
  return () => {
    removeEventListener('hashchange', onChange)
    removeEventListener('popstate', onChange)
  }
}

const currentPath = () => splitHash(window.location.hash)[0]
const currentQuery = () => splitHash(window.location.hash)[1]

export function navigateHash(
  to: string,
  { replace = false, state = null }: { replace?: boolean; state?: unknown } = {},
): void {
  const oldURL = window.location.href
  const hash = `#/${to.replace(/^#?\/?/, '')}`
  // Following a link to where we already are must not add a history entry to step back through.
  const method = replace || hash === window.location.hash ? 'replaceState' : 'pushState'
  history[method](state, '', window.location.pathname + window.location.search + hash)
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }))
}

export function useHashQueryLocation(): [string, typeof navigateHash] {
  return [useSyncExternalStore(subscribe, currentPath), navigateHash]
}
useHashQueryLocation.searchHook = () => useSyncExternalStore(subscribe, currentQuery)
useHashQueryLocation.hrefs = (href: string) => `#${href}`
