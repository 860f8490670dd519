/**
 * Opaque cursors (the doc: "send back exactly what you were given"). base64url of a small
 * JSON object that names the run, so a cursor from an earlier run of the demo insurer is
 * recognised instead of silently pointing somewhere else.
 */
export type Cursor =
  | { kind: 'changes'; run: string; seq: number }
  | { kind: 'contracts'; run: string; position: number }

export function encodeCursor(cursor: Cursor): string {
  const compact =
    cursor.kind === 'changes'
      ? { k: 'c', r: cursor.run, s: cursor.seq }
      : { k: 'p', r: cursor.run, p: cursor.position }
  return Buffer.from(JSON.stringify(compact)).toString('base64url')
}

/** null when the text is not a cursor this server could have written. */
export function decodeCursor(text: string): Cursor | null {
  if (text.length === 0 || text.length > 512 || !/^[A-Za-z0-9_-]+$/.test(text)) return null
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { k, r, s, p } = value as Record<string, unknown>
  if (typeof r !== 'string') return null
  if (k === 'c' && Number.isSafeInteger(s) && (s as number) >= 0)
    return { kind: 'changes', run: r, seq: s as number }
  if (k === 'p' && Number.isSafeInteger(p) && (p as number) >= 0)
    return { kind: 'contracts', run: r, position: p as number }
  return null
}
