import type { ContractFilters } from '../../electron/common/api/contract-filters'
import type { ContractCount, ContractPage, Handlers } from '../../electron/common/api/contract'
import { searchQueryKey } from '../../electron/common/domain/contract-search-key'
import { encodeCursor } from '../../electron/main/core/contracts/list-cursor'
import { walkedPage } from '../../electron/main/core/contracts/walked-page'
import { setBasedQuery, stateIndexQuery } from '../../electron/main/core/contracts/list-contracts'
import {
  filterWhere,
  onlyChildStates,
  stateIndexScan,
  walkFilters,
} from '../../db/queries/contract-filters'
import {
  isPairLookup,
  pairTermsQuery,
  searchMatchQuery,
  searchPlan,
} from '../../db/queries/contract-search'
import {
  COUNT_LIVE_CONTRACTS_SQL,
  compileContractListQuery,
  countFilteredQuery,
  countStateIndexQuery,
  cursorValues,
  type ContractListDbRow,
} from '../../db/queries/contracts'
import type { DatabaseHandle } from '../../db/connection'
import { toHalfWidthKana as toHalfWidth, toHiragana } from '../support/half-width-kana'
import { callBackend, PAGE_SAMPLES, round, timePair, type Timing } from './measure'

/** Fixed clock: urgency filters are ranges around it (the seeded book's "now"). */
export const BENCH_NOW = Date.parse('2026-11-23T00:00:00+09:00')

export interface FilteredBenchResult {
  name: string
  ours: Timing
  baseline: Timing
  /** ours.p95 / baseline.p95 (goal ≤ 1.5). */
  ratioP95: number
  rows: number
  /** contracts:count for the same filters: its own call, beside the page. */
  count: { ours: Timing; baseline: Timing; ratioP95: number }
  total: number
}

type Sort = {
  key: 'cutoff' | 'maturity' | 'clientKana' | 'policyNumber' | 'step'
  direction: 'asc' | 'desc'
}

/**
 * List pages (filtered and searched) are timed within PAGE_SAMPLES' budget (100 to 500
 * times). Counts (up to ~0.6 s each at 1M contracts) keep 40.
 */
const COUNT_SAMPLES = 40

/**
 * A first page (or a keyset page) with filters: the whole backend path against raw
 * better-sqlite3 running the same statements compiled from the same Kysely queries; and the
 * list's count (contracts:count, asked beside the page) against its raw statement.
 */
async function benchListCase(
  database: DatabaseHandle,
  handlers: Handlers,
  name: string,
  sort: Sort,
  filters: ContractFilters,
  after?: string,
  afterValues?: ReadonlyArray<string | number>,
): Promise<FilteredBenchResult> {
  const where = Object.keys(filters).length ? filterWhere(filters, BENCH_NOW) : undefined
  const base = { sort, offset: 0, limit: 200, ...(afterValues ? { after: afterValues } : {}) }
  // The backend's steps for a child-table state (list-contracts.ts): one state alone by date
  // from its index; else the bounded walk, and the set-based page only when it comes back short.
  const plain = { ...base, ...(where ? { where } : {}) }
  const fromStateIndex = stateIndexQuery(plain, filters)
  const walk = fromStateIndex ? null : walkFilters(filters, BENCH_NOW, sort.key)
  const page = compileContractListQuery(
    database.db,
    fromStateIndex ?? (walk ? setBasedQuery(plain, filters) : plain),
  )
  const pageStatement = database.sqlite.prepare(page.sql)
  const setPage = () => pageStatement.all(...(page.parameters as unknown[]))
  // Compiled and prepared outside the timing, once per walk length (the same few each run).
  const walkStatements = new Map<number, () => unknown[]>()
  const walkOf = (rows: number) => {
    let run = walkStatements.get(rows)
    if (!run) {
      const compiled = compileContractListQuery(database.db, {
        ...base,
        where: walk!.where,
        walk: { probes: walk!.probes, rows },
      })
      const statement = database.sqlite.prepare(compiled.sql)
      run = () => statement.all(...(compiled.parameters as unknown[]))
      walkStatements.set(rows, run)
    }
    return run()
  }
  const rawPage = walk ? () => walkedPage(base.limit, walkOf, setPage) : setPage
  const scan = stateIndexScan(filters)
  const count = !where
    ? null
    : scan
      ? countStateIndexQuery(scan).compile(database.db)
      : countFilteredQuery(where, onlyChildStates(filters)).compile(database.db)
  const countStatement = database.sqlite.prepare(count ? count.sql : COUNT_LIVE_CONTRACTS_SQL)
  const countParameters = (count?.parameters ?? []) as unknown[]
  const input = { sort, offset: 0, limit: 200, filters, ...(after ? { after } : {}) }
  const sample = await callBackend<ContractPage>(handlers, 'contracts:list', input)
  const { baseline, ours: timing } = await timePair(PAGE_SAMPLES, rawPage, () =>
    callBackend(handlers, 'contracts:list', input),
  )
  const counted = await callBackend<ContractCount>(handlers, 'contracts:count', { filters })
  const { baseline: countBaseline, ours: countTiming } = await timePair(
    COUNT_SAMPLES,
    () => countStatement.get(...countParameters),
    () => callBackend(handlers, 'contracts:count', { filters }),
  )
  return {
    name,
    ours: timing,
    baseline,
    ratioP95: round(timing.p95Ms / baseline.p95Ms, 2),
    rows: sample.rows.length,
    count: {
      ours: countTiming,
      baseline: countBaseline,
      ratioP95: round(countTiming.p95Ms / countBaseline.p95Ms, 2),
    },
    total: counted.total,
  }
}

export interface FilteredListBench {
  firstPages: FilteredBenchResult[]
  keyset: {
    first: FilteredBenchResult
    deep: FilteredBenchResult
    /** Both pages through the backend, timed in turns: the goal's two sides. */
    paired: { first: Timing; deep: Timing }
    /** paired.deep.p95 / paired.first.p95 (goal ≤ 2). */
    deepOverFirstP95: number
  }[]
}

/** First pages with filters and sort, and deep pages by keyset against their first page. */
export async function benchFilteredList(
  database: DatabaseHandle,
  handlers: Handlers,
  contracts: number,
): Promise<FilteredListBench> {
  const staff = database.sqlite
    .prepare('SELECT staff_id FROM contracts WHERE staff_id IS NOT NULL LIMIT 1')
    .pluck()
    .get() as string
  const branch = database.sqlite
    .prepare('SELECT branch_id FROM contracts WHERE branch_id IS NOT NULL LIMIT 1')
    .pluck()
    .get() as string
  const cases: [string, Sort, ContractFilters][] = [
    [
      'flow A, ≤14 days, by cutoff',
      { key: 'cutoff', direction: 'asc' },
      { flow: 'A', urgency: ['d3', 'd7', 'd14'] },
    ],
    // "Mine" in the list's default order (web cutoff): its index holds both columns.
    ['one staff member, by cutoff', { key: 'cutoff', direction: 'asc' }, { staff: [staff] }],
    // "Mine" and "my branch" by maturity: indexes of their own since migration 0011.
    ['one staff member, by maturity', { key: 'maturity', direction: 'asc' }, { staff: [staff] }],
    ['one branch, by maturity', { key: 'maturity', direction: 'asc' }, { branch: [branch] }],
    [
      'registration problems, by kana',
      { key: 'clientKana', direction: 'asc' },
      { registration: ['expired', 'mismatch', 'wrong_policy_number'] },
    ],
    // Bounced mail sits near the cutoff: from the latest cutoff the bounded walk finds none
    // and the set-based page follows it; from the earliest it fills the page.
    ['mail bounced, by cutoff desc', { key: 'cutoff', direction: 'desc' }, { mail: ['bounced'] }],
    ['mail bounced, by cutoff', { key: 'cutoff', direction: 'asc' }, { mail: ['bounced'] }],
    // ~1% of the book: too rare for the walk, which comes back short (its cost is on top).
    [
      'wrong policy number, by maturity',
      { key: 'maturity', direction: 'asc' },
      { registration: ['wrong_policy_number'] },
    ],
    // One state alone by date: read from its own index (migration 0013).
    ['step ② logged in, by cutoff', { key: 'cutoff', direction: 'asc' }, { step: ['a2_login'] }],
    [
      'maturity in Dec 2026, by policy number',
      { key: 'policyNumber', direction: 'asc' },
      { maturityFrom: '2026-12-01', maturityTo: '2026-12-31' },
    ],
  ]
  const firstPages: FilteredBenchResult[] = []
  for (const [name, sort, filters] of cases)
    firstPages.push(await benchListCase(database, handlers, name, sort, filters))

  const keyset: FilteredListBench['keyset'] = []
  const deepCases: [string, Sort, ContractFilters][] = [
    ['no filter, by cutoff', { key: 'cutoff', direction: 'asc' }, {}],
    ['no filter, by client kana', { key: 'clientKana', direction: 'asc' }, {}],
    ['flow B, by maturity', { key: 'maturity', direction: 'asc' }, { flow: 'B' }],
  ]
  for (const [name, sort, filters] of deepCases) {
    const first = await benchListCase(database, handlers, `first page: ${name}`, sort, filters)
    // The row at 90% of the filtered list: where a deep page continues from.
    const where = Object.keys(filters).length ? filterWhere(filters, BENCH_NOW) : undefined
    const depth = Math.max(0, Math.floor(first.total * 0.9) - 1)
    const at = compileContractListQuery(database.db, {
      sort,
      offset: depth,
      limit: 1,
      ...(where ? { where } : {}),
    })
    const row = database.sqlite
      .prepare(at.sql)
      .get(...(at.parameters as unknown[])) as ContractListDbRow
    const values = cursorValues(sort.key, row)
    const deep = await benchListCase(
      database,
      handlers,
      `keyset page at 90% (${depth.toLocaleString('en')}): ${name}`,
      sort,
      filters,
      encodeCursor(sort, values),
      values,
    )
    // The goal compares the two pages, so they are timed against each other in turns: timed
    // in their own blocks (with the first page's count between them), the deep page met
    // other moments of the machine and its cache (1M, flow B: 3.2× in a full run, 1.07×
    // on its own).
    const page = (after?: string) => () =>
      callBackend(handlers, 'contracts:list', {
        sort,
        offset: 0,
        limit: 200,
        filters,
        ...(after ? { after } : {}),
      })
    const paired = await timePair(PAGE_SAMPLES, page(), page(encodeCursor(sort, values)))
    keyset.push({
      first,
      deep,
      paired: { first: paired.baseline, deep: paired.ours },
      deepOverFirstP95: round(paired.ours.p95Ms / paired.baseline.p95Ms, 2),
    })
  }
  void contracts
  return { firstPages, keyset }
}

export interface SearchBenchResult {
  name: string
  query: string
  characters: number
  ours: Timing
  baseline: Timing
  ratioP95: number
  total: number
  capped: boolean
  /** 20 ms for 3+ characters, 150 ms for 1–2. */
  goalMs: number
}

/** Searches through the whole backend, and the same statements raw (a pair's trigrams, the page). */
export async function benchSearch(
  database: DatabaseHandle,
  handlers: Handlers,
): Promise<SearchBenchResult[]> {
  const sample = database.sqlite
    .prepare(
      `SELECT cl.name_kanji, cl.name_kana, cl.phone, c.policy_number, c.vehicle_plate
       FROM contracts c JOIN clients cl ON cl.id = c.client_id WHERE c.id = (SELECT max(id) / 2 FROM contracts)`,
    )
    .get() as {
    name_kanji: string
    name_kana: string
    phone: string
    policy_number: string
    vehicle_plate: string
  }
  const family = sample.name_kana.split('\u3000')[0]!
  const halfWidth = toHalfWidth(family)
  const queries: [string, string][] = [
    ['family name, half-width kana', halfWidth],
    ['full name, kanji', sample.name_kanji],
    ['full name, hiragana with a space', toHiragana(sample.name_kana).replace('\u3000', ' ')],
    ['phone, last 8 digits', sample.phone.replace(/\D/g, '').slice(-8)],
    ['policy number, 6 digits', sample.policy_number.slice(2, 8)],
    ['plate fragment', sample.vehicle_plate.slice(0, 6)],
    ['no match, 5 characters', 'ヰヰヰヰヰ'],
    ['1 character, common kanji', '田'],
    ['1 character, kana', toHalfWidth(family.slice(0, 1))],
    ['2 characters, family name', sample.name_kanji.slice(0, 2)],
    ['2 characters, no match', 'ヰヲ'],
  ]
  const results: SearchBenchResult[] = []
  for (const [name, query] of queries) {
    const key = searchQueryKey(query)
    if (key === null) continue
    const sort = { key: 'cutoff' as const, direction: 'asc' as const }
    // Raw: the same statements — the pair's trigrams (2 characters), then the page, which
    // finds the matches itself.
    const plan = await searchPlan(database.db, key)
    const termsSql = isPairLookup(key) ? pairTermsQuery(key).compile(database.db) : null
    const termsStatement = termsSql ? database.sqlite.prepare(termsSql.sql) : null
    const page = plan
      ? compileContractListQuery(database.db, {
          sort,
          offset: 0,
          limit: 200,
          matches: searchMatchQuery(plan, filterWhere({}, BENCH_NOW)),
        })
      : null
    const pageStatement = page ? database.sqlite.prepare(page.sql) : null
    const searchRaw = () => {
      if (termsStatement && termsStatement.all(...(termsSql!.parameters as unknown[])).length === 0)
        return
      pageStatement?.all(...(page!.parameters as unknown[]))
    }
    const input = { sort, offset: 0, limit: 200, filters: { search: query } }
    const first = await callBackend<ContractPage>(handlers, 'contracts:list', input)
    const { baseline, ours: timing } = await timePair(PAGE_SAMPLES, searchRaw, () =>
      callBackend(handlers, 'contracts:list', input),
    )
    // A search's page says how many it matched (it finds them all to sort them).
    const counted = first.searchMatches ?? { total: 0, totalCapped: false }
    const characters = [...key].length
    results.push({
      name,
      query: characters >= 3 ? `${[...query].length} chars` : query,
      characters,
      ours: timing,
      baseline,
      ratioP95: round(timing.p95Ms / baseline.p95Ms, 2),
      total: counted.total,
      capped: counted.totalCapped,
      goalMs: characters >= 3 ? 20 : 150,
    })
  }
  return results
}
