import { isAbsolute, join, normalize, relative } from 'node:path'

/** Maps a request path inside rendererDir; null when it would escape it. */
export function resolveInside(rendererDir: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  const file = normalize(join(rendererDir, decoded === '/' ? 'index.html' : decoded))
  const rel = relative(rendererDir, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return file
}
