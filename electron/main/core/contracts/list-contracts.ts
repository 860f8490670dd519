import type { Kysely, RawBuilder, SqlBool } from 'kysely'
import type { ContractCount, ContractPage, ParsedInputOf } from '../../../common/api/contract'
import { STAFF_ME, type ContractFilters } from '../../../common/api/contract-filters'
import { searchQueryKey } from '../../../common/domain/contract-search-key'
import { contractUrgency } from '../../../common/domain/insurer-rules'
import { toJstIso } from '../../../common/domain/japan-time'
import {
  countFilteredContracts,
  countLiveContracts,
  countStateIndexQuery,
  cursorValues,
  listContracts,
  liveIdsHoldSort,
  stateIndexHoldsSort,
  type ContractListDbRow,
  type ContractListQuery,
} from '../../../../db/queries/contracts'
import {
  filterWhere,
  mailTableStateSizeQuery,
  onlyChildStates,
  stateIndexScan,
  walkFilters,
  type ListFilters,
  type MailTableLead,
} from '../../../../db/queries/contract-filters'
import {
  SEARCH_MATCH_CAP,
  searchMatchQuery,
  searchPlan,
  type SearchPlan,
} from '../../../../db/queries/contract-search'
import type { DatabaseHandle } from '../../../../db/connection'
import type { Database } from '../../../../db/schema'
import { AppError } from '../api/app-error'
import { CURRENT_STAFF_SETTING } from '../session/session-handlers'
import { decodeCursor, encodeCursor } from './list-cursor'
import { walkedPage } from './walked-page'

type ListInput = ParsedInputOf<'contracts:list'>

/** Replaces 'me' in the staff filter by the signed-in staff member. */
export async function resolveStaffFilter(
  db: Kysely<Database>,
  filters: ContractFilters,
): Promise<ContractFilters> {
  if (!filters.staff?.includes(STAFF_ME)) return filters
  const current = await db
    .selectFrom('app_settings')
    .select('value')
    .where('key', '=', CURRENT_STAFF_SETTING)
    .executeTakeFirst()
  if (!current) {
    throw new AppError(
      'invalid_input',
      'filters.staff: 「自分」で絞り込むには担当者としてサインインしてください / ' +
        "filters.staff: sign in as a staff member to filter by 'me'",
    )
  }
  return { ...filters, staff: filters.staff.map((s) => (s === STAFF_ME ? current.value : s)) }
}

function toListRow(r: ContractListDbRow, now: Date) {
  return {
    id: r.id,
    insurerName: r.insurer_name,
    policyNumber: r.policy_number,
    flow: r.flow,
    clientName: r.client_name,
    clientKana: r.client_kana,
    vehicleName: r.vehicle_name,
    vehiclePlate: r.vehicle_plate,
    maturityDate: r.maturity_date,
    webCutoffAt: toJstIso(r.web_cutoff_at),
    urgency: contractUrgency(now, new Date(r.web_cutoff_at), r.renewal_status),
    step: r.step ?? 'none',
    screen: r.screen ?? null,
    renewalStatus: r.renewal_status,
    renewalChannel: r.renewal_channel,
    staffName: r.staff_name ?? null,
  }
}

/**
 * Past this many contracts a state is "large": counting further would cost more than a
 * wrong lead saves (25k index entries read in ~1 ms at 1M contracts).
 */
const LEAD_SIZE_CAP = 25_000

/**
 * Mail and registration filtered together: the one of the two that holds fewer contracts
 * leads their set (MailTableLead); mail when both are large. Tombstoned contracts count too:
 * the plain indexes hold them, and they are too few to tip the comparison.
 */
export async function mailTableLead(
  db: Kysely<Database>,
  filters: ListFilters,
): Promise<MailTableLead | undefined> {
  if (!filters.mail || !filters.registration) return undefined
  const size = async (state: MailTableLead, cap: number) => {
    const { rows } = await mailTableStateSizeQuery(filters, state, cap).execute(db)
    return Number(rows[0]?.n ?? 0)
  }
  const mail = await size('mail', LEAD_SIZE_CAP)
  // Only whether it is smaller matters: counted no further than the mail's size.
  const registration = await size('registration', mail)
  return registration < mail ? 'registration' : 'mail'
}

/** The filters with 'me' resolved, split into the search and the list filters' SQL. */
async function resolveFilters(db: Kysely<Database>, filters: ContractFilters, now: Date) {
  const { search, ...rest } = await resolveStaffFilter(db, filters)
  const listFilters: ListFilters = rest
  const narrowed = Object.values(listFilters).some((v) => v !== undefined)
  const lead = await mailTableLead(db, listFilters)
  const where = narrowed ? filterWhere(listFilters, now.getTime(), lead) : undefined
  const key = search === undefined ? null : searchQueryKey(search)
  return { where, key, listFilters }
}

/**
 * The page read from one state's index, where the filter is that state alone and the sort
 * one the index holds (stateIndexScan(), migration 0013); null otherwise.
 */
export function stateIndexQuery(
  query: ContractListQuery,
  filters: ListFilters,
): ContractListQuery | null {
  const scan = stateIndexScan(filters)
  return scan && stateIndexHoldsSort(query.sort.key) ? { ...query, stateIndex: scan } : null
}

/**
 * A page of the filtered list. One child-table state alone, by cutoff, maturity or kana: from
 * its index, any page. Otherwise a first page (or a keyset page) with a child-table state
 * filtered is read by bounded walks of the sort index where they pay (walked-page.ts).
 */
function filteredPage(
  database: DatabaseHandle,
  query: ContractListQuery,
  filters: ListFilters,
  now: Date,
): ContractListDbRow[] {
  const fromStateIndex = stateIndexQuery(query, filters)
  if (fromStateIndex) return listContracts(database, fromStateIndex)
  const walk = query.offset === 0 ? walkFilters(filters, now.getTime(), query.sort.key) : null
  if (!walk) return listContracts(database, query)
  return walkedPage(
    query.limit,
    (rows) =>
      listContracts(database, {
        ...query,
        where: walk.where,
        walk: { probes: walk.probes, rows },
      }),
    () => listContracts(database, setBasedQuery(query, filters)),
  )
}

/**
 * The page from the states' sets, once a walk found them sparse where the page starts: read
 * through the compact index of live ids where it holds the sort. Not for offset pages (they
 * don't walk): a dense state there is read best in sort order.
 */
export function setBasedQuery(query: ContractListQuery, filters: ListFilters): ContractListQuery {
  return onlyChildStates(filters) && liveIdsHoldSort(query.sort.key)
    ? { ...query, fromLiveIds: true }
    : query
}

const NO_MATCHES: ContractCount = { total: 0, totalCapped: false }

/** How many a search matched, from how many its match query yielded (one over the cap: capped). */
function cappedCount(yielded: number): ContractCount {
  return { total: Math.min(yielded, SEARCH_MATCH_CAP), totalCapped: yielded > SEARCH_MATCH_CAP }
}

/** The search's match query, the list filters applied (none: every live contract). */
function matchQuery(
  plan: NonNullable<SearchPlan>,
  where: RawBuilder<SqlBool> | undefined,
  now: Date,
) {
  return searchMatchQuery(plan, where ?? filterWhere({}, now.getTime()))
}

async function countMatches(db: Kysely<Database>, matches: RawBuilder<{ id: number }>) {
  return cappedCount((await matches.execute(db)).rows.length)
}

/** A page of a search's matches, and how many it matched (carried by each of its rows). */
async function searchPage(
  database: DatabaseHandle,
  key: string,
  query: ContractListQuery,
  now: Date,
): Promise<{ rows: ContractListDbRow[]; searchMatches: ContractCount }> {
  const plan = await searchPlan(database.db, key)
  if (!plan) return { rows: [], searchMatches: NO_MATCHES }
  const matches = matchQuery(plan, query.where, now)
  const rows = listContracts(database, { ...query, where: undefined, matches })
  const yielded = rows[0]?.matched_count
  if (yielded !== undefined) return { rows, searchMatches: cappedCount(yielded) }
  // No row to carry the count: nothing matched, or the page lies past the last match.
  const pastTheEnd = query.offset > 0 || query.after !== undefined
  return { rows, searchMatches: pastTheEnd ? await countMatches(database.db, matches) : NO_MATCHES }
}

/**
 * One page of the list and the cursor of the next page. How many match is contracts:count's
 * to say, except for a search, whose page carries its matches' count.
 */
export async function listContractPage(
  database: DatabaseHandle,
  input: ListInput,
  now: Date,
): Promise<ContractPage> {
  const { db } = database
  const { where, key, listFilters } = await resolveFilters(db, input.filters, now)
  const after = input.after === undefined ? undefined : decodeCursor(input.after, input.sort)
  const base = { sort: input.sort, offset: input.offset, limit: input.limit, after }

  const { rows, searchMatches } =
    key === null
      ? {
          rows: filteredPage(database, { ...base, where }, listFilters, now),
          searchMatches: undefined,
        }
      : await searchPage(database, key, { ...base, where }, now)
  const last = rows.at(-1)
  return {
    ...(searchMatches ? { searchMatches } : {}),
    offset: input.offset,
    nextCursor:
      last && rows.length === input.limit
        ? encodeCursor(input.sort, cursorValues(input.sort.key, last))
        : null,
    rows: rows.map((r) => toListRow(r, now)),
  }
}

/** One child-table state alone: one range of its index (0013). Else the filter's statement. */
async function countFiltered(
  db: Kysely<Database>,
  where: RawBuilder<SqlBool>,
  filters: ListFilters,
): Promise<number> {
  const scan = stateIndexScan(filters)
  if (!scan) return countFilteredContracts(db, where, onlyChildStates(filters))
  const { rows } = await countStateIndexQuery(scan).execute(db)
  return Number(rows[0]?.n ?? 0)
}

/** How many contracts match the filters; a search counts up to SEARCH_MATCH_CAP. */
export async function countContracts(
  db: Kysely<Database>,
  input: ParsedInputOf<'contracts:count'>,
  now: Date,
): Promise<ContractCount> {
  const { where, key, listFilters } = await resolveFilters(db, input.filters, now)
  if (key !== null) {
    const plan = await searchPlan(db, key)
    return plan ? countMatches(db, matchQuery(plan, where, now)) : NO_MATCHES
  }
  const total = where ? await countFiltered(db, where, listFilters) : await countLiveContracts(db)
  return { total, totalCapped: false }
}
