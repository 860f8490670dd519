import type { ContractSortKey, SortDirection } from '../../../common/api/contract'
import { CURSOR_SHAPE, type CursorValues } from '../../../../db/queries/contracts'
import { AppError } from '../api/app-error'

/**
 * The keyset cursor handed to the renderer / CLI: the sort it belongs to and the last row's
 * sort values, base64url-encoded JSON. Opaque to callers; checked on the way back in, so a
 * cursor from another sort (or a hand-edited one) is refused instead of skipping rows.
 */
interface CursorBody {
  k: ContractSortKey
  d: SortDirection
  v: CursorValues
}

export function encodeCursor(
  sort: { key: ContractSortKey; direction: SortDirection },
  values: CursorValues,
): string {
  const body: CursorBody = { k: sort.key, d: sort.direction, v: values }
  return Buffer.from(JSON.stringify(body)).toString('base64url')
}

const refused = () =>
  new AppError(
    'invalid_input',
    'contracts:list: after: 続きの位置が並び順と合いません。最初のページから読み直してください / ' +
      'after: the cursor does not belong to this sort; start again from the first page',
  )

export function decodeCursor(
  cursor: string,
  sort: { key: ContractSortKey; direction: SortDirection },
): CursorValues {
  let body: unknown
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw refused()
  }
  const b = body as Partial<CursorBody> | null
  if (!b || b.k !== sort.key || b.d !== sort.direction || !Array.isArray(b.v)) throw refused()
  const shape = CURSOR_SHAPE[sort.key]
  if (b.v.length !== shape.length || b.v.some((v, i) => typeof v !== shape[i])) throw refused()
  return b.v as CursorValues
}
