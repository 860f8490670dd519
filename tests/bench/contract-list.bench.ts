import type { Handlers } from '../../electron/common/api/contract'
import { compileContractListQuery } from '../../db/queries/contracts'
import type { DatabaseHandle } from '../../db/connection'
import { callBackend, PAGE_SAMPLES, round, timePair, type Timing } from './measure'

export interface ListBenchResult {
  name: string
  ours: Timing
  baseline: Timing
  /** ours.p95 / baseline.p95: how much the contract, validation and mapping cost on top of raw SQL. */
  ratioP95: number
}

/**
 * contracts:list through the whole backend path (dispatch → zod → Kysely → mapping) against
 * raw better-sqlite3 running the very same SQL (compiled from the same Kysely query), on the
 * same database in the same run. The list's count is its own call (contracts:count), measured
 * with the filtered cases.
 */
export async function benchContractList(
  database: DatabaseHandle,
  handlers: Handlers,
  contracts: number,
): Promise<ListBenchResult[]> {
  const cases = [
    { name: 'first page, sorted by web cutoff', offset: 0, key: 'cutoff' as const },
    { name: 'first page, sorted by client kana', offset: 0, key: 'clientKana' as const },
    { name: 'first page, sorted by step', offset: 0, key: 'step' as const },
    {
      name: 'middle page (50%), sorted by client kana',
      offset: Math.floor(contracts * 0.5),
      key: 'clientKana' as const,
    },
    {
      name: 'deep page (90%), sorted by maturity',
      offset: Math.floor(contracts * 0.9),
      key: 'maturity' as const,
    },
  ]
  const results: ListBenchResult[] = []
  for (const c of cases) {
    const input = { sort: { key: c.key, direction: 'asc' as const }, offset: c.offset, limit: 200 }
    const compiled = compileContractListQuery(database.db, input)
    const pageStatement = database.sqlite.prepare(compiled.sql)
    const parameters = compiled.parameters as unknown[]
    // The deep offset pages take up to a second each at 1M: 50 of them.
    const { baseline, ours } = await timePair(
      c.offset === 0 ? PAGE_SAMPLES : { ...PAGE_SAMPLES, min: 50 },
      () => pageStatement.all(...parameters),
      () => callBackend(handlers, 'contracts:list', input),
    )
    results.push({ name: c.name, ours, baseline, ratioP95: round(ours.p95Ms / baseline.p95Ms, 2) })
  }
  return results
}
