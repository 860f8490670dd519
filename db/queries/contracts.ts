import {
  sql,
  type CompiledQuery,
  type Kysely,
  type RawBuilder,
  type Expression,
  type SqlBool,
} from 'kysely'
import type { ContractSortKey, SortDirection } from '../../electron/common/api/contract'
import type {
  Flow,
  ProcedureScreen,
  RenewalChannel,
  RenewalStatus,
  RenewalStep,
} from '../../electron/common/domain/renewal'
import type { DatabaseHandle } from '../connection'
import { prepared } from '../prepared'
import { stateIndexLeavesOut, type StateIndexScan } from './contract-filters'
import { SEARCH_MATCH_CAP } from './contract-search'
import type { Database } from '../schema'

export interface ContractListQuery {
  sort: { key: ContractSortKey; direction: SortDirection }
  offset: number
  limit: number
  /** The filter predicate over `contracts c` (contract-filters.ts); none = every live contract. */
  where?: RawBuilder<SqlBool>
  /** Keyset paging: continue after this position (decodeCursor). */
  after?: CursorValues
  /**
   * A search: only the contracts this query yields (contract-search.ts's searchMatchQuery,
   * filters included), the first SEARCH_MATCH_CAP of them; each row then carries how many it
   * yielded. One statement: reading the matches' ids back into JS and sending them again as a
   * list made a second statement to prepare per search, ~0.8 ms more of ~8 ms at 1M (a search
   * with 1,001 matches).
   */
  matches?: RawBuilder<{ id: number }>
  /**
   * A bounded walk: `where` is checked on contracts taken in sort order, the first `rows` of
   * them that pass are probed for `probes` (child-table states, walkFilters()), and the page
   * is the first `limit` that hold. A full page is exactly the page the unbounded query
   * gives; a short one may not be, and the caller asks again without the walk.
   */
  walk?: { probes: RawBuilder<SqlBool>; rows: number }
  /**
   * Start from the sets of the filter's child-table states and read each contract's
   * liveness and sort key from the compact index of live ids (migration 0012), not from its
   * row. For a filter of child-table states only (onlyChildStates()), and where the walk
   * found the state sparse; for the sorts that index holds (liveIdsHoldSort()), ignored by
   * the others.
   */
  fromLiveIds?: boolean
  /**
   * A filter on one child-table state alone (stateIndexScan()): the ids are read in order
   * from that state's index for the sort, `where` unused. Only for the sorts those indexes
   * hold (stateIndexHoldsSort()).
   */
  stateIndex?: StateIndexScan
}

/** The sort position of a row: its sort column values, ending in the unique tie-breakers. */
export type CursorValues = ReadonlyArray<string | number>

/** The sort columns, in order, each ending in ids so the order is total (keyset needs it). */
const SORT_COLUMNS = {
  maturity: ['c.maturity_date', 'c.id'],
  cutoff: ['c.web_cutoff_at', 'c.id'],
  policyNumber: ['c.policy_number', 'c.id'],
  clientKana: ['cl.name_kana', 'cl.id', 'c.id'],
  step: ['p.step', 'p.contract_id'],
} as const satisfies Record<ContractSortKey, readonly string[]>

/**
 * Phase one of a list page: only the ids, in order. Each sort walks an index that already
 * holds its tie-breaker (see the partial indexes in migration 0001), so skipping OFFSET rows
 * reads index entries, not table rows — a deep page costs about what the first one does.
 * Filters are checked per contract as the index is walked, and LIMIT stops the walk; with
 * filters a deep OFFSET would check every skipped contract, which is what `after` (keyset)
 * avoids: it seeks straight to the position in the same index.
 */
function pageIds(db: Kysely<Database>, q: ContractListQuery) {
  if (q.stateIndex && !q.matches && !q.walk) return stateIndexPage(q, q.stateIndex)
  if (q.fromLiveIds && q.where && !q.matches && !q.walk && LIVE_ID_SORTS.has(q.sort.key)) {
    return liveIdsPage(q, q.where)
  }
  const dir = q.sort.direction
  const live = db.selectFrom('contracts as c').where('c.deleted_at', 'is', null)
  const joined = (() => {
    switch (q.sort.key) {
      case 'clientKana':
        return live.innerJoin('clients as cl', 'cl.id', 'c.client_id')
      case 'step':
        // Every contract has its progress row (written with it, by seeding and by sync).
        return live.innerJoin('renewal_progress as p', 'p.contract_id', 'c.id')
      default:
        return live
    }
  })()
  let ordered = joined.select(['c.id as id'])
  if (q.where) ordered = ordered.where(q.where)
  if (q.matches) {
    ordered = ordered.where(
      sql<SqlBool>`c.id IN (SELECT id FROM matched LIMIT ${SEARCH_MATCH_CAP})`,
    )
  }
  const columns = SORT_COLUMNS[q.sort.key]
  if (q.after) ordered = ordered.where(afterPosition(columns, dir, q.after))
  for (const column of columns) ordered = ordered.orderBy(sql.ref(column), dir)
  if (!q.walk) return ordered.limit(q.limit).offset(q.offset)
  const keys = columns.map((column, i) => sql.ref(column).as(`k${i}`))
  return boundedWalk(ordered.select(keys).limit(q.walk.rows), columns.length, q, q.walk.probes)
}

/** Keyset paging: the rows after (or, descending, before) a position in the sort order. */
function afterPosition(
  columns: readonly string[],
  dir: SortDirection,
  after: CursorValues,
): RawBuilder<SqlBool> {
  const op = sql.raw(dir === 'asc' ? '>' : '<')
  const refs = sql.join(columns.map((c) => sql.ref(c)))
  const values = sql.join(after.map((v) => sql`${v}`))
  return sql<SqlBool>`(${refs}) ${op} (${values})`
}

/** The sorts whose columns contracts_live_ids holds (with c.id, the tie-breaker). */
const LIVE_ID_SORTS: ReadonlySet<ContractSortKey> = new Set(['cutoff', 'maturity'])

export function liveIdsHoldSort(key: ContractSortKey): boolean {
  return LIVE_ID_SORTS.has(key)
}

/**
 * Phase one from the filter's sets (ContractListQuery.fromLiveIds): the index is named, as
 * SQLite prefers looking each id up in the table, which reads the whole row (see 0012).
 * Written out because Kysely has no INDEXED BY.
 */
function liveIdsPage(q: ContractListQuery, where: RawBuilder<SqlBool>) {
  const columns = SORT_COLUMNS[q.sort.key]
  const after = q.after ? sql` AND ${afterPosition(columns, q.sort.direction, q.after)}` : sql``
  const dir = sql.raw(q.sort.direction)
  const order = sql.join(columns.map((column) => sql`${sql.ref(column)} ${dir}`))
  return sql<{ id: number }>`(SELECT c.id AS id FROM contracts AS c INDEXED BY contracts_live_ids
    WHERE c.deleted_at IS NULL AND ${where}${after}
    ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset})`
}

/**
 * The sorts the state indexes hold (migration 0013): each index's name suffix, and the child
 * rows' copies of the sort keys in SORT_COLUMNS' order — the same values, so phase two's
 * order and the cursor (read from the contract and client) agree with them.
 */
const STATE_INDEX_SORTS = {
  cutoff: { suffix: 'cutoff', columns: ['s.contract_web_cutoff_at', 's.contract_id'] },
  maturity: { suffix: 'maturity', columns: ['s.contract_maturity_date', 's.contract_id'] },
  clientKana: {
    suffix: 'kana',
    columns: ['s.contract_client_kana', 's.contract_client_id', 's.contract_id'],
  },
} as const satisfies Partial<
  Record<ContractSortKey, { suffix: string; columns: readonly string[] }>
>

type StateIndexSort = keyof typeof STATE_INDEX_SORTS

export function stateIndexHoldsSort(key: ContractSortKey): key is StateIndexSort {
  return key in STATE_INDEX_SORTS
}

/** The state's index for a sort; named, as SQLite would rather take a smaller one. */
function stateIndexFrom(scan: StateIndexScan, sort: StateIndexSort) {
  const suffix = STATE_INDEX_SORTS[sort].suffix
  return sql.raw(`${scan.table} AS s INDEXED BY ${scan.indexPrefix}_state_by_${suffix}`)
}

/** The index's own WHERE (so SQLite may use it), then the values asked for. */
function stateIndexCondition(scan: StateIndexScan) {
  const values = sql.join(scan.values.map((v) => sql`${v}`))
  return sql<SqlBool>`s.contract_deleted_at IS NULL AND s.${sql.raw(stateIndexLeavesOut(scan))}
    AND ${sql.ref(`s.${scan.column}`)} IN (${values})`
}

/**
 * Phase one from a state's index (ContractListQuery.stateIndex). With several values asked
 * for (IN), SQLite reads each value's run in order and stops a run once it can no longer
 * reach the page: a first page reads about `limit` entries per value, not the whole state.
 */
function stateIndexPage(q: ContractListQuery, scan: StateIndexScan) {
  const key = q.sort.key
  if (!stateIndexHoldsSort(key)) {
    throw new Error(`stateIndex: the state indexes are not in ${key} order`)
  }
  const columns = STATE_INDEX_SORTS[key].columns
  const after = q.after ? sql` AND ${afterPosition(columns, q.sort.direction, q.after)}` : sql``
  const dir = sql.raw(q.sort.direction)
  const order = sql.join(columns.map((column) => sql`${sql.ref(column)} ${dir}`))
  return sql<{ id: number }>`(SELECT s.contract_id AS id FROM ${stateIndexFrom(scan, key)}
    WHERE ${stateIndexCondition(scan)}${after}
    ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset})`
}

/** How many live contracts are in a state: one range of its index. */
export function countStateIndexQuery(scan: StateIndexScan) {
  return sql<{ n: number }>`SELECT count(*) AS n FROM ${stateIndexFrom(scan, 'cutoff')}
    WHERE ${stateIndexCondition(scan)}`
}

/**
 * The walk is a co-routine yielding contracts in sort order, at most `rows` of them; the
 * outer query probes each and stops at `limit` that hold. Its ORDER BY is the co-routine's
 * own order, so SQLite reads it as it comes (no sort: see the plan test).
 */
function boundedWalk(
  walked: Expression<unknown>,
  keyCount: number,
  q: ContractListQuery,
  probes: RawBuilder<SqlBool>,
) {
  const dir = sql.raw(q.sort.direction)
  const order = sql.join(
    Array.from({ length: keyCount }, (_, i) => sql`${sql.ref(`c.k${i}`)} ${dir}`),
  )
  return sql<{ id: number }>`(SELECT c.id AS id FROM ${walked} AS c WHERE ${probes}
    ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset})`
}

/** What a list page reads per contract (joined in phase two). */
export interface ContractListDbRow {
  id: number
  client_id: number
  insurer_name: string
  policy_number: string
  flow: Flow
  client_name: string
  client_kana: string
  vehicle_name: string
  vehicle_plate: string
  maturity_date: string
  web_cutoff_at: number
  step: RenewalStep | null
  screen: ProcedureScreen | null
  renewal_status: RenewalStatus
  renewal_channel: RenewalChannel | null
  staff_name: string | null
  /** A search's page only: how many contracts the search yielded (at most SEARCH_MATCH_CAP + 1). */
  matched_count?: number
}

// Written out once rather than built by the query builder on every call: building and
// compiling this constant part was most of the cost of compiling a page (0.33 → 0.13 ms).
const LIST_COLUMNS = `c.id, c.client_id, i.name AS insurer_name, c.policy_number, c.flow,
  cl.name_kanji AS client_name, cl.name_kana AS client_kana, c.vehicle_name, c.vehicle_plate,
  c.maturity_date, c.web_cutoff_at, p.step, p.screen, c.renewal_status, c.renewal_channel,
  s.name AS staff_name`

/**
 * Phase two: the page's rows joined with what the list shows, in the same order. The join
 * order is pinned — CROSS JOIN keeps `page` outermost in SQLite, and the LEFT JOINs (to
 * rows the foreign keys guarantee: client and insurer are NOT NULL with foreign keys ON)
 * cannot be hoisted — because the planner, left free, measured 60 ms at 100k contracts by
 * walking every contract of an insurer instead.
 */
export function compileContractListQuery(
  db: Kysely<Database>,
  query: ContractListQuery,
): CompiledQuery<ContractListDbRow> {
  // The direction is one of two words (the API's enum), never free text.
  const order = SORT_COLUMNS[query.sort.key]
    .map((column) => `${column} ${query.sort.direction}`)
    .join(', ')
  // MATERIALIZED: the matches are found once, for the page and for their count.
  const matched = query.matches ? sql`WITH matched AS MATERIALIZED (${query.matches}) ` : sql``
  const count = query.matches ? sql`, (SELECT count(*) FROM matched) AS matched_count` : sql``
  return sql<ContractListDbRow>`${matched}SELECT ${sql.raw(LIST_COLUMNS)}${count}
    FROM ${pageIds(db, query)} AS page
    CROSS JOIN contracts c
    LEFT JOIN clients cl ON cl.id = c.client_id
    LEFT JOIN insurers i ON i.id = c.insurer_id
    LEFT JOIN renewal_progress p ON p.contract_id = c.id
    LEFT JOIN staff s ON s.id = c.staff_id
    WHERE c.id = page.id
    ORDER BY ${sql.raw(order)}`.compile(db)
}

/**
 * Live (not tombstoned) contracts, one page: the statement prepared once per SQL text (each
 * filter combination has its own), where Kysely would prepare it on every call.
 */
export function listContracts(database: DatabaseHandle, query: ContractListQuery) {
  const { sql, parameters } = compileContractListQuery(database.db, query)
  return prepared(database.sqlite, sql).all(...parameters) as ContractListDbRow[]
}

/** The keyset position of a row of this page, for `after` on the next request. */
export function cursorValues(key: ContractSortKey, row: ContractListDbRow): CursorValues {
  switch (key) {
    case 'maturity':
      return [row.maturity_date, row.id]
    case 'cutoff':
      return [row.web_cutoff_at, row.id]
    case 'policyNumber':
      return [row.policy_number, row.id]
    case 'clientKana':
      return [row.client_kana, row.client_id, row.id]
    case 'step':
      return [row.step ?? 'none', row.id]
  }
}

/** How many values each sort's cursor holds, and of which type. */
export const CURSOR_SHAPE = {
  maturity: ['string', 'number'],
  cutoff: ['number', 'number'],
  policyNumber: ['string', 'number'],
  clientKana: ['string', 'number', 'number'],
  step: ['string', 'number'],
} as const satisfies Record<ContractSortKey, readonly ('string' | 'number')[]>

/**
 * Counted over the smallest index of live contracts: the planner would otherwise scan the
 * whole table (measured 6× slower at 100k rows).
 */
export const COUNT_LIVE_CONTRACTS_SQL =
  'SELECT count(*) AS n FROM contracts INDEXED BY contracts_cutoff WHERE deleted_at IS NULL'

export async function countLiveContracts(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`${sql.raw(COUNT_LIVE_CONTRACTS_SQL)}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/**
 * How many live contracts pass a filter predicate (contract-filters.ts). `fromLiveIds`: the
 * filter is child-table states only (onlyChildStates()), so the count starts from their sets
 * and checks each id in the compact index of live ids, not the table (0012: ~3× at 1M).
 */
export function countFilteredQuery(where: RawBuilder<SqlBool>, fromLiveIds = false) {
  const from = sql.raw(fromLiveIds ? 'contracts c INDEXED BY contracts_live_ids' : 'contracts c')
  return sql<{ n: number }>`SELECT count(*) AS n FROM ${from}
    WHERE c.deleted_at IS NULL AND ${where}`
}

export async function countFilteredContracts(
  db: Kysely<Database>,
  where: RawBuilder<SqlBool>,
  fromLiveIds = false,
): Promise<number> {
  const { rows } = await countFilteredQuery(where, fromLiveIds).execute(db)
  return Number(rows[0]?.n ?? 0)
}
