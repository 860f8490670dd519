import type { ParsedInputOf } from '../../electron/common/api/contract'
import type { ContractFilters } from '../../electron/common/api/contract-filters'
import { filterWhere } from '../../db/queries/contract-filters'
import { compileContractListQuery } from '../../db/queries/contracts'
import type { TestCore } from './test-core'

export type ListSort = ParsedInputOf<'contracts:list'>['sort']

/**
 * The reference for a filtered list: the plain statement over the contracts table (child
 * states as sets, no walk, no state index), every match in order.
 */
export function referenceIds(
  core: TestCore,
  filters: ContractFilters,
  sort: ListSort,
  now: number,
): number[] {
  const { sql, parameters } = compileContractListQuery(core.database.db, {
    sort,
    offset: 0,
    limit: 10_000,
    where: filterWhere(filters, now),
  })
  const rows = core.database.sqlite.prepare(sql).all(...(parameters as unknown[]))
  return (rows as { id: number }[]).map((r) => r.id)
}

/** Every page through the backend by keyset, at most `maxPages` pages. */
export async function keysetIds(
  core: TestCore,
  filters: ContractFilters,
  sort: ListSort,
  limit: number,
  maxPages = 300,
): Promise<number[]> {
  const ids: number[] = []
  let after: string | undefined
  for (let i = 0; i < maxPages; i++) {
    const page = await core.handlers['contracts:list']({
      sort,
      offset: 0,
      limit,
      filters,
      ...(after ? { after } : {}),
    })
    ids.push(...page.rows.map((r) => r.id))
    if (!page.nextCursor) break
    after = page.nextCursor
  }
  return ids
}
