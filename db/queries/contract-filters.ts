import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type {
  ContractFilters,
  MailFilter,
  OutboxFilter,
} from '../../electron/common/api/contract-filters'
import type { ContractSortKey } from '../../electron/common/api/contract'
import type { UrgencyBucket } from '../../electron/common/domain/insurer-rules'
import {
  MAIL_STATUSES,
  PASSWORD_MAIL_STATUSES,
  type MailStatus,
  type PasswordMailStatus,
} from '../../electron/common/domain/renewal'

/**
 * The list filters as SQL predicates over `contracts c` (search excluded: see
 * contract-search.ts). Predicates on the contract row are checked per contract; the states
 * held in child tables (progress, credential mails, outbox) come in two forms:
 * - as sets of contract ids (IN subqueries over indexed columns), which lets the planner
 *   start from the set: cheap for rare states and for counts;
 * - probed per contract (EXISTS), for a bounded walk of the sort index (contracts.ts), which
 *   fills a first page of a common state after a few thousand contracts instead of sorting
 *   every contract in the state.
 */
export type ListFilters = Omit<ContractFilters, 'search'>

const DAY_MS = 24 * 60 * 60 * 1000

/** Statuses that still have a deadline (contractUrgency() gives the others null). */
const LIVE = sql`c.renewal_status IN ('not_started', 'in_progress')`

/** Each bucket as a web_cutoff_at range, the same edges as urgencyBucket(). */
function urgencyRange(bucket: UrgencyBucket, now: number): RawBuilder<SqlBool> {
  const edge = (days: number) => now + days * DAY_MS
  switch (bucket) {
    case 'closed':
      return sql`c.web_cutoff_at <= ${now}`
    case 'd3':
      return sql`(c.web_cutoff_at > ${now} AND c.web_cutoff_at <= ${edge(3)})`
    case 'd7':
      return sql`(c.web_cutoff_at > ${edge(3)} AND c.web_cutoff_at <= ${edge(7)})`
    case 'd14':
      return sql`(c.web_cutoff_at > ${edge(7)} AND c.web_cutoff_at <= ${edge(14)})`
    case 'd30':
      return sql`(c.web_cutoff_at > ${edge(14)} AND c.web_cutoff_at <= ${edge(30)})`
    case 'later':
      return sql`c.web_cutoff_at > ${edge(30)}`
  }
}

const BUCKET_EDGES: Record<UrgencyBucket, [fromDays: number | null, toDays: number | null]> = {
  closed: [null, 0],
  d3: [0, 3],
  d7: [3, 7],
  d14: [7, 14],
  d30: [14, 30],
  later: [30, null],
}

/** The smallest cutoff range holding every chosen bucket (null = unbounded on that side). */
function urgencyHull(buckets: readonly UrgencyBucket[], now: number) {
  const froms = buckets.map((b) => BUCKET_EDGES[b][0])
  const tos = buckets.map((b) => BUCKET_EDGES[b][1])
  const from = froms.includes(null) ? null : Math.min(...(froms as number[]))
  const to = tos.includes(null) ? null : Math.max(...(tos as number[]))
  return {
    from: from === null ? null : now + from * DAY_MS,
    to: to === null ? null : now + to * DAY_MS,
  }
}

/**
 * Each mail filter as a test of the two mail statuses. In SQL a filter is the list of
 * `id/password` status pairs it holds, matched against the generated column mail_statuses,
 * whose indexes serve the filter as a set and in the list's orders (migration 0013).
 */
const MAIL_FILTER_HOLDS: Record<
  MailFilter,
  (id: MailStatus, password: PasswordMailStatus) => boolean
> = {
  id_not_sent: (id) => id === 'not_sent',
  awaiting_password: (id, password) =>
    (id === 'sent' || id === 'delivered') && (password === 'not_sent' || password === 'sent'),
  password_delivered: (_, password) => password === 'delivered',
  bounced: (id, password) => id === 'bounced' || password === 'bounced',
  suppressed_existing: (_, password) => password === 'suppressed_existing',
}

/** The mail_statuses values ('delivered/bounced', …) that any of these filters holds. */
export function mailStatusPairs(filters: readonly MailFilter[]): string[] {
  const pairs: string[] = []
  for (const id of MAIL_STATUSES) {
    for (const password of PASSWORD_MAIL_STATUSES) {
      if (filters.some((f) => MAIL_FILTER_HOLDS[f](id, password))) pairs.push(`${id}/${password}`)
    }
  }
  return pairs
}

/**
 * The same filters as tests of the two columns, for probing one contract's row (the walk):
 * there they cost less than building mail_statuses (a walk probes thousands of rows per
 * page). They must hold for exactly mailStatusPairs(), which a test checks pair by pair.
 */
export const MAIL_FILTER_PROBES: Record<MailFilter, RawBuilder<SqlBool>> = {
  id_not_sent: sql`m.id_mail_status = 'not_sent'`,
  awaiting_password: sql`(m.id_mail_status IN ('sent', 'delivered')
    AND m.password_mail_status IN ('not_sent', 'sent'))`,
  password_delivered: sql`m.password_mail_status = 'delivered'`,
  bounced: sql`(m.id_mail_status = 'bounced' OR m.password_mail_status = 'bounced')`,
  suppressed_existing: sql`m.password_mail_status = 'suppressed_existing'`,
}

/** A child-table state as the set of contracts in it, or probed for the contract `c`. */
type ChildForm = 'set' | 'probe'

function childState(
  table: string,
  alias: string,
  condition: RawBuilder<SqlBool>,
  form: ChildForm,
): RawBuilder<SqlBool> {
  const from = sql.raw(`${table} ${alias}`)
  const id = sql.ref(`${alias}.contract_id`)
  return form === 'set'
    ? sql`c.id IN (SELECT ${id} FROM ${from} WHERE ${condition})`
    : sql`EXISTS (SELECT 1 FROM ${from} WHERE ${id} = c.id AND ${condition})`
}

// The states come from outbox/policy.ts (PENDING_STATES); failed includes rows waiting for staff.
const OUTBOX_STATES: Record<Exclude<OutboxFilter, 'none'>, RawBuilder<SqlBool>> = {
  pending: sql`o.state IN ('queued', 'sending', 'outcome_unknown')`,
  failed: sql`o.state IN ('failed', 'needs_confirmation')`,
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`))

/** The filters' predicates: on the contract row itself, and on its child-table states. */
interface FilterPredicates {
  perContract: RawBuilder<SqlBool>[]
  childStates: RawBuilder<SqlBool>[]
}

/**
 * Which of credential_mail_state's two states leads a set of both (mail and registration
 * filtered together): SQLite can start the set from one index only, and without statistics
 * it guesses by the length of the value lists — at 100k contracts it started 'bounced and
 * not yet registered' from the 79k unregistered (70 ms to count) instead of the 3k bounced
 * (3 ms). The caller measures which is smaller (list-contracts.ts).
 */
export type MailTableLead = 'mail' | 'registration'

/** The column itself, or (not leading) `+column`, which SQLite will not look up in an index. */
const leadingOr = (column: string, leads: boolean) => sql.raw(leads ? column : `+${column}`)

function predicates(
  f: ListFilters,
  now: number,
  form: ChildForm,
  lead: MailTableLead = 'mail',
): FilterPredicates {
  const where: RawBuilder<SqlBool>[] = []
  if (f.insurer) where.push(sql`c.insurer_id IN (${list(f.insurer)})`)
  if (f.branch) where.push(sql`c.branch_id IN (${list(f.branch)})`)
  if (f.staff) where.push(sql`c.staff_id IN (${list(f.staff)})`)
  if (f.maturityFrom) where.push(sql`c.maturity_date >= ${f.maturityFrom}`)
  if (f.maturityTo) where.push(sql`c.maturity_date <= ${f.maturityTo}`)
  if (f.flow) where.push(sql`c.flow = ${f.flow}`)
  if (f.urgency) {
    const ranges = f.urgency.map((b) => urgencyRange(b, now))
    where.push(sql`(${LIVE} AND (${sql.join(ranges, sql` OR `)}))`)
    // The OR of ranges is opaque to the planner; their hull is a plain range it can seek in
    // the cutoff index (a cutoff-sorted page then starts at the first bucket's edge).
    const hull = urgencyHull(f.urgency, now)
    if (hull.from !== null) where.push(sql`c.web_cutoff_at > ${hull.from}`)
    if (hull.to !== null) where.push(sql`c.web_cutoff_at <= ${hull.to}`)
  }
  // Already a probe per contract (most contracts have no outbox row, so no set to start from).
  if (f.outbox === 'none')
    where.push(sql`NOT EXISTS (SELECT 1 FROM reissue_outbox o WHERE o.contract_id = c.id)`)

  const states: RawBuilder<SqlBool>[] = []
  if (f.step) {
    states.push(childState('renewal_progress', 'p', sql`p.step IN (${list(f.step)})`, form))
  }
  const mail: RawBuilder<SqlBool>[] = []
  const both = f.mail !== undefined && f.registration !== undefined && form === 'set'
  if (f.mail && form === 'probe') {
    mail.push(
      sql`(${sql.join(
        f.mail.map((k) => MAIL_FILTER_PROBES[k]),
        sql` OR `,
      )})`,
    )
  } else if (f.mail) {
    const column = leadingOr('m.mail_statuses', !both || lead === 'mail')
    mail.push(sql`${column} IN (${list(mailStatusPairs(f.mail))})`)
  }
  if (f.registration) {
    const column = leadingOr('m.mypage_status', !both || lead === 'registration')
    mail.push(sql`${column} IN (${list(f.registration)})`)
  }
  if (mail.length > 0) {
    states.push(childState('credential_mail_state', 'm', sql.join(mail, sql` AND `), form))
  }
  if (f.outbox && f.outbox !== 'none') {
    states.push(childState('reissue_outbox', 'o', OUTBOX_STATES[f.outbox], form))
  }
  return { perContract: where, childStates: states }
}

const joinAnd = (where: RawBuilder<SqlBool>[]) =>
  where.length === 0 ? sql<SqlBool>`1` : sql<SqlBool>`${sql.join(where, sql` AND `)}`

/**
 * The filters for a bounded walk of the sort index (ContractListQuery.walk): what is checked
 * on each contract walked, and the child-table states probed on the contracts it yields.
 * Null where a walk cannot beat starting from the state's set:
 * - no child-table state is filtered (the plain query walks already);
 * - an outbox state: the outbox holds only requested reissues, so its sets are always small;
 * - a step filter while sorting by step: renewal_progress_step gives both set and order.
 */
export function walkFilters(
  f: ListFilters,
  now: number,
  sortKey: ContractSortKey,
): { where: RawBuilder<SqlBool>; probes: RawBuilder<SqlBool> } | null {
  if (!f.step && !f.mail && !f.registration) return null
  if (f.outbox === 'pending' || f.outbox === 'failed') return null
  if (f.step && sortKey === 'step') return null
  const { perContract, childStates } = predicates(f, now, 'probe')
  return { where: joinAnd(perContract), probes: joinAnd(childStates) }
}

/**
 * Only states kept in child tables are filtered (nothing on the contract row): a count, or a
 * page where those states are sparse, then starts from their sets of ids
 * (ContractListQuery.fromLiveIds).
 */
export function onlyChildStates(f: ListFilters): boolean {
  const { perContract, childStates } = predicates(f, 0, 'set')
  return perContract.length === 0 && childStates.length > 0
}

/** All predicates joined with AND (child-table states as sets), or TRUE. */
export function filterWhere(
  f: ListFilters,
  now: number,
  lead?: MailTableLead,
): RawBuilder<SqlBool> {
  const { perContract, childStates } = predicates(f, now, 'set', lead)
  return joinAnd([...perContract, ...childStates])
}

/**
 * The states most contracts rest in, which the state indexes leave out (migration 0013):
 * word for word the migration's lists, as SQLite uses a partial index only for a query that
 * repeats its WHERE. A filter on one of them walks the sort index instead, and fills a page
 * in a few hundred contracts.
 */
const AT_REST = {
  registration: ['not_started', 'registered'],
  mail: ['not_sent/not_sent', 'delivered/delivered', 'delivered/suppressed_existing'],
  step: ['none', 'a1_credentials'],
} as const

/**
 * A filter on one child-table state and nothing else, read straight from that state's index
 * in a sort's order (migration 0013): the table, its state column, the values asked for, and
 * the index names' prefix (`${prefix}_state_by_cutoff`, `…_by_maturity`, `…_by_kana`), which
 * also names the states the index leaves out (AT_REST).
 */
export interface StateIndexScan {
  table: 'credential_mail_state' | 'renewal_progress'
  column: 'mail_statuses' | 'mypage_status' | 'step'
  values: readonly string[]
  indexPrefix: keyof typeof AT_REST
}

/** The index's own condition, to repeat in the query: `column NOT IN ('…', '…')`. */
export function stateIndexLeavesOut(scan: StateIndexScan): string {
  const values = AT_REST[scan.indexPrefix].map((v) => `'${v}'`).join(', ')
  return `${scan.column} NOT IN (${values})`
}

function scanOf(
  table: StateIndexScan['table'],
  column: StateIndexScan['column'],
  values: readonly string[],
  indexPrefix: StateIndexScan['indexPrefix'],
): StateIndexScan | null {
  const atRest: readonly string[] = AT_REST[indexPrefix]
  return values.some((v) => atRest.includes(v)) ? null : { table, column, values, indexPrefix }
}

/**
 * The state index that alone answers these filters, or null: step, mail or registration is
 * the only filter set, and none of its values is a state the index leaves out. (Anything
 * beside it — a row filter, the other state, an outbox state — would need checking on each
 * row the index yields; the bounded walk and the sets handle those.)
 */
export function stateIndexScan(f: ListFilters): StateIndexScan | null {
  const filtered = Object.values(f).filter((v) => v !== undefined)
  if (filtered.length !== 1) return null
  if (f.step) return scanOf('renewal_progress', 'step', f.step, 'step')
  if (f.mail)
    return scanOf('credential_mail_state', 'mail_statuses', mailStatusPairs(f.mail), 'mail')
  if (f.registration) {
    return scanOf('credential_mail_state', 'mypage_status', f.registration, 'registration')
  }
  return null
}

/**
 * How many rows of credential_mail_state are in the mail (or registration) state filtered,
 * counted up to `cap` from the state's plain index (tombstoned contracts included: this only
 * compares the two, for MailTableLead).
 */
export function mailTableStateSizeQuery(f: ListFilters, state: MailTableLead, cap: number) {
  const condition =
    state === 'mail'
      ? sql`mail_statuses IN (${list(mailStatusPairs(f.mail ?? []))})`
      : sql`mypage_status IN (${list(f.registration ?? [])})`
  return sql<{ n: number }>`SELECT count(*) AS n FROM
    (SELECT 1 FROM credential_mail_state WHERE ${condition} LIMIT ${cap})`
}
