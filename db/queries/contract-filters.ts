import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type {
  ContractFilters,
  MailFilter,
  OutboxFilter,
} from '../../electron/common/api/contract-filters'
import type { UrgencyBucket } from '../../electron/common/domain/insurer-rules'

/**
 * The list filters as one SQL predicate over `contracts c` (search excluded: see
 * contract-search.ts). Child-table states are sets of contract ids (IN subqueries over
 * indexed columns): the planner either walks the sort index probing the set (common
 * states: LIMIT stops early) or starts from the set (rare states, and counts).
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

const MAIL: Record<MailFilter, RawBuilder<SqlBool>> = {
  id_not_sent: sql`m.id_mail_status = 'not_sent'`,
  awaiting_password: sql`(m.id_mail_status IN ('sent', 'delivered')
    AND m.password_mail_status IN ('not_sent', 'sent'))`,
  password_delivered: sql`m.password_mail_status = 'delivered'`,
  bounced: sql`(m.id_mail_status = 'bounced' OR m.password_mail_status = 'bounced')`,
  suppressed_existing: sql`m.password_mail_status = 'suppressed_existing'`,
}

// The states come from outbox/policy.ts (PENDING_STATES); failed includes rows waiting for staff.
const OUTBOX: Record<OutboxFilter, RawBuilder<SqlBool>> = {
  pending: sql`c.id IN (SELECT o.contract_id FROM reissue_outbox o
    WHERE o.state IN ('queued', 'sending', 'outcome_unknown'))`,
  failed: sql`c.id IN (SELECT o.contract_id FROM reissue_outbox o
    WHERE o.state IN ('failed', 'needs_confirmation'))`,
  none: sql`NOT EXISTS (SELECT 1 FROM reissue_outbox o WHERE o.contract_id = c.id)`,
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`))

/** The predicates of the given filters (empty when none narrows the list). */
export function filterPredicates(f: ListFilters, now: number): RawBuilder<SqlBool>[] {
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
  // IN (subquery) rather than EXISTS: the planner may then start from the child table's
  // index (renewal_progress_step, credential_mail_*), which is what makes a count of a rare
  // state cheap; for a common one it still walks the sort index and probes the set.
  if (f.step) {
    where.push(sql`c.id IN (SELECT contract_id FROM renewal_progress
      WHERE step IN (${list(f.step)}))`)
  }
  const mail: RawBuilder<SqlBool>[] = []
  if (f.mail)
    mail.push(
      sql`(${sql.join(
        f.mail.map((k) => MAIL[k]),
        sql` OR `,
      )})`,
    )
  if (f.registration) mail.push(sql`m.mypage_status IN (${list(f.registration)})`)
  if (mail.length > 0) {
    where.push(sql`c.id IN (SELECT m.contract_id FROM credential_mail_state m
      WHERE ${sql.join(mail, sql` AND `)})`)
  }
  if (f.outbox) where.push(OUTBOX[f.outbox])
  return where
}

/** All predicates joined with AND, or TRUE. */
export function filterWhere(f: ListFilters, now: number): RawBuilder<SqlBool> {
  const where = filterPredicates(f, now)
  return where.length === 0 ? sql<SqlBool>`1` : sql<SqlBool>`${sql.join(where, sql` AND `)}`
}
