/**
 * A list page with a child-table state filtered (mail, registration, step), read by bounded
 * walks of the sort index before falling back to the set-based query.
 *
 * The set-based query starts from every contract in the state and sorts them: at 1M
 * contracts, 50k with a registration problem sorted by kana took 294 ms. Walking the sort
 * index and probing each contract finds a page of a common state after a few thousand.
 * But a walk that comes back short is paid on top of the set-based query, and more than its
 * own cost: at 1M their pages together overflow SQLite's cache (a rare state by maturity:
 * set 20 ms, walk 17 ms, both 108 ms). So a short first walk measures how dense the state is
 * where the page starts, and only a state dense enough to fill the page within the bound is
 * walked further.
 */

/**
 * The first walk: a state held by 1 in 25 contracts here fills the page with it (5,000
 * contracts for a page of 200). Measured at 1M against 10 and 50: 10 made the common states
 * walk twice (registration problems by kana p95 26 ms, against 18 with 25); 50 made a rare
 * state's short walk cost 2–3× the set-based page after it (wrong policy number: 88 ms,
 * against 38 with 25 and 31 with 10).
 */
export const FIRST_WALK_ROWS_PER_PAGE_ROW = 25
/** The longest walk: ~2.5% density at most (10,000 contracts for a page of 200). */
export const MAX_WALK_ROWS_PER_PAGE_ROW = 50
/** Walk this much further than the first walk's density says the page needs. */
const MARGIN = 1.25

/**
 * How far the second walk goes, from what the first found: enough for the page at the
 * density the first walk saw, with a margin; null when that is beyond the bound (or it found
 * none), and the set-based query is the cheaper way.
 */
export function secondWalkRows(limit: number, walked: number, found: number): number | null {
  if (found === 0) return null
  const rows = Math.ceil((MARGIN * limit * walked) / found)
  return rows <= limit * MAX_WALK_ROWS_PER_PAGE_ROW ? rows : null
}

/**
 * The page: from the first walk when it is full, else from a second, longer walk when the
 * first says one would fill it, else from the set-based query. A full walk's page is exactly
 * the set-based page (ContractListQuery.walk).
 */
export function walkedPage<Row>(
  limit: number,
  walk: (rows: number) => Row[],
  setBased: () => Row[],
): Row[] {
  const firstRows = limit * FIRST_WALK_ROWS_PER_PAGE_ROW
  const first = walk(firstRows)
  if (first.length === limit) return first
  const secondRows = secondWalkRows(limit, firstRows, first.length)
  if (secondRows !== null) {
    const second = walk(secondRows)
    if (second.length === limit) return second
  }
  return setBased()
}
