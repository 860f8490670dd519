import type BetterSqlite3 from 'better-sqlite3'
import { allRows, WEB_STATE_COLUMNS, WEB_STATE_FROM, type WebStateRow } from '../web-state-rows'

/**
 * Contracts that might be stuck on a credential mail or the MyPage registration, by the mail
 * and registration columns alone. A superset: whether enough time has passed to call them
 * stuck is for stuckReasons() to say, never this SQL.
 *
 * The text must stay identical to the WHERE of the partial index credential_mail_triage
 * (db/migrations/0006_triage.ts): SQLite uses a partial index only for a query that repeats
 * its condition. At 1M contracts the index holds about one in six rows, so scanning it beats
 * scanning the whole table. A test checks the query plan.
 */
export const TRIAGE_MAIL_CONDITION = `(m.id_mail_status IN ('sent', 'bounced')
    OR m.password_mail_status = 'bounced'
    OR (m.id_mail_status = 'delivered' AND m.password_mail_status IN ('not_sent', 'sent'))
    OR (m.id_mail_status = 'delivered' AND m.password_mail_status = 'suppressed_existing'
      AND m.first_login_at IS NULL)
    OR m.mypage_status IN ('provisional', 'expired', 'mismatch', 'wrong_policy_number'))`

/** Who "mine" and "my branch" are; null parts mean "no filter". */
export interface TriageScopeFilter {
  staffId: string | null
  branchId: string | null
}

function scopeCondition(scope: TriageScopeFilter): { sql: string; params: string[] } {
  if (scope.staffId !== null) return { sql: 'AND c.staff_id = ?', params: [scope.staffId] }
  if (scope.branchId !== null) return { sql: 'AND c.branch_id = ?', params: [scope.branchId] }
  return { sql: '', params: [] }
}

/**
 * WEB_STATE_FROM's tables, read from the candidates' side: for the whole book the partial
 * index is by far the smallest way in, but with the other open-contract indexes analysed
 * and this one not yet, the planner would scan every open contract instead. CROSS JOIN
 * fixes the order (SQLite's documented way to do so).
 */
export const CANDIDATES_FIRST_FROM = `credential_mail_state m
  CROSS JOIN contracts c ON c.id = m.contract_id
  CROSS JOIN renewal_progress p ON p.contract_id = c.id`

/** The web-state rows of every candidate in scope (renewal still open, not tombstoned). */
export function triageCandidates(
  sqlite: BetterSqlite3.Database,
  scope: TriageScopeFilter,
): WebStateRow[] {
  const { sql, params } = scopeCondition(scope)
  // Mine and my branch start from the staff or branch index: a few thousand contracts.
  const from = sql === '' ? CANDIDATES_FIRST_FROM : WEB_STATE_FROM
  const statement = sqlite.prepare(
    `SELECT ${WEB_STATE_COLUMNS} FROM ${from}
      WHERE ${TRIAGE_MAIL_CONDITION}
        AND c.deleted_at IS NULL
        AND c.renewal_status IN ('not_started', 'in_progress')
        ${sql}`,
  )
  return allRows<WebStateRow>(statement, ...params)
}

export interface TriageDisplayRow {
  contract_id: number
  policy_number: string
  client_name: string
  client_kana: string
  insurer_name: string
  staff_name: string | null
}

/** Names and numbers for the rows on screen (at most the page's limit). */
export function triageDisplayRows(
  sqlite: BetterSqlite3.Database,
  contractIds: readonly number[],
): Map<number, TriageDisplayRow> {
  if (contractIds.length === 0) return new Map()
  const rows = sqlite
    .prepare(
      `SELECT c.id AS contract_id, c.policy_number, cl.name_kanji AS client_name,
        cl.name_kana AS client_kana, i.name AS insurer_name, s.name AS staff_name
      FROM contracts c
        JOIN clients cl ON cl.id = c.client_id
        JOIN insurers i ON i.id = c.insurer_id
        LEFT JOIN staff s ON s.id = c.staff_id
      WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(contractIds)) as TriageDisplayRow[]
  return new Map(rows.map((r) => [r.contract_id, r]))
}
