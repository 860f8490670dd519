import type BetterSqlite3 from 'better-sqlite3'
import type {
  ContractWebState,
  CredentialMailState,
  RenewalProgressState,
} from '../../../common/domain/contract-web-state'

/**
 * The columns behind ContractWebState (contracts + credential_mail_state + renewal_progress),
 * for the workspace's queries (today's list, triage, detail). Callers add their own WHERE,
 * ORDER and LIMIT after WEB_STATE_FROM; `c`, `m` and `p` are the three tables.
 */
export const WEB_STATE_COLUMNS = `c.id AS contract_id, c.flow, c.renewal_status, c.renewal_channel,
  c.maturity_date, c.web_cutoff_at,
  m.id_mail_status, m.id_mail_sent_at, m.id_mail_delivered_at, m.id_mail_failed_at,
  m.id_mail_failure_reason, m.password_mail_status, m.password_mail_sent_at,
  m.password_mail_delivered_at, m.password_mail_failed_at, m.password_mail_failure_reason,
  m.credentials_issued_year, m.first_login_at, m.temp_password_changed_at, m.password_expired_at,
  m.mypage_status, m.mypage_provisional_at, m.mypage_provisional_expires_at,
  m.mypage_registered_at, m.mypage_failed_at, m.mypage_mismatch_field,
  p.step, p.step_reached_at, p.screen, p.screen_reached_at, p.started_at, p.completed_at,
  p.last_activity_at`

export const WEB_STATE_FROM = `contracts c
  JOIN credential_mail_state m ON m.contract_id = c.id
  JOIN renewal_progress p ON p.contract_id = c.id`

/** What the workspace lists (today, triage) show of a contract besides its web state. */
export interface ListedContractRow extends WebStateRow {
  policy_number: string
  staff_id: string | null
  insurer_name: string
  client_name: string
  client_kana: string
  staff_name: string | null
}

/** The contracts of a list page in full (@ids: a JSON array of contract ids), in no order. */
export const LISTED_CONTRACTS_SQL = `SELECT ${WEB_STATE_COLUMNS}, c.policy_number, c.staff_id,
  i.name AS insurer_name, cl.name_kanji AS client_name, cl.name_kana AS client_kana,
  s.name AS staff_name
FROM ${WEB_STATE_FROM}
  JOIN insurers i ON i.id = c.insurer_id
  JOIN clients cl ON cl.id = c.client_id
  LEFT JOIN staff s ON s.id = c.staff_id
WHERE c.id IN (SELECT value FROM json_each(@ids))`

/**
 * statement.all(), with the rows read as arrays and named here: for these ~40-column rows
 * better-sqlite3's own objects cost about 3× the query (500 rows: 16 ms against 5 ms at 1M
 * contracts), for the same shape.
 */
export function allRows<T>(
  statement: BetterSqlite3.Statement<unknown[], unknown>,
  ...params: unknown[]
): T[] {
  const raw = statement.raw(true)
  try {
    const names = raw.columns().map((column) => column.name)
    return (raw.all(...params) as unknown[][]).map((values) => {
      const row: Record<string, unknown> = {}
      for (let i = 0; i < names.length; i++) row[names[i]!] = values[i]
      return row as T
    })
  } finally {
    raw.raw(false)
  }
}

/** One row of WEB_STATE_COLUMNS as better-sqlite3 returns it. */
export type WebStateRow = Record<string, unknown> & { contract_id: number }

/** Maps a WEB_STATE_COLUMNS row to the domain shape. The schema's CHECKs keep the enums valid. */
export function toWebState(row: WebStateRow): ContractWebState {
  // The columns are exactly those of WEB_STATE_COLUMNS, typed by db/schema.ts and kept valid
  // by the schema's CHECK constraints, so the row is read without re-validating each value.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const r = row as Record<string, any>
  return {
    flow: r.flow,
    renewalStatus: r.renewal_status,
    renewalChannel: r.renewal_channel,
    maturityDate: r.maturity_date,
    webCutoffAt: r.web_cutoff_at,
    mail: {
      idMail: {
        status: r.id_mail_status,
        sentAt: r.id_mail_sent_at,
        deliveredAt: r.id_mail_delivered_at,
        failedAt: r.id_mail_failed_at,
        failureReason: r.id_mail_failure_reason,
      },
      passwordMail: {
        status: r.password_mail_status,
        sentAt: r.password_mail_sent_at,
        deliveredAt: r.password_mail_delivered_at,
        failedAt: r.password_mail_failed_at,
        failureReason: r.password_mail_failure_reason,
      },
      credentialsIssuedYear: r.credentials_issued_year,
      firstLoginAt: r.first_login_at,
      tempPasswordChangedAt: r.temp_password_changed_at,
      passwordExpiredAt: r.password_expired_at,
      mypage: {
        status: r.mypage_status,
        provisionalAt: r.mypage_provisional_at,
        provisionalExpiresAt: r.mypage_provisional_expires_at,
        registeredAt: r.mypage_registered_at,
        failedAt: r.mypage_failed_at,
        mismatchField: r.mypage_mismatch_field,
      },
    },
    progress: {
      step: r.step,
      stepReachedAt: r.step_reached_at,
      screen: r.screen,
      screenReachedAt: r.screen_reached_at,
      startedAt: r.started_at,
      completedAt: r.completed_at,
      lastActivityAt: r.last_activity_at,
    },
  }
}

/** The web state of one contract, or null when there is no such (live or tombstoned) row. */
export function readWebState(
  sqlite: BetterSqlite3.Database,
  contractId: number,
): ContractWebState | null {
  const row = sqlite
    .prepare(`SELECT ${WEB_STATE_COLUMNS} FROM ${WEB_STATE_FROM} WHERE c.id = ?`)
    .get(contractId) as WebStateRow | undefined
  return row ? toWebState(row) : null
}

/** credential_mail_state's state columns, in the order of mailStateValues(). */
export const MAIL_STATE_COLUMNS = `id_mail_status, id_mail_sent_at, id_mail_delivered_at,
  id_mail_failed_at, id_mail_failure_reason, password_mail_status, password_mail_sent_at,
  password_mail_delivered_at, password_mail_failed_at, password_mail_failure_reason,
  credentials_issued_year, first_login_at, temp_password_changed_at, password_expired_at,
  mypage_status, mypage_provisional_at, mypage_provisional_expires_at, mypage_registered_at,
  mypage_failed_at, mypage_mismatch_field`

/** renewal_progress's state columns, in the order of progressValues(). */
export const PROGRESS_STATE_COLUMNS = `step, step_reached_at, screen, screen_reached_at,
  started_at, completed_at, last_activity_at`

/** The inverse of toWebState() for the mail row: what sync and seeding write. */
export function mailStateValues(mail: CredentialMailState): unknown[] {
  const { idMail, passwordMail, mypage } = mail
  return [
    idMail.status,
    idMail.sentAt,
    idMail.deliveredAt,
    idMail.failedAt,
    idMail.failureReason,
    passwordMail.status,
    passwordMail.sentAt,
    passwordMail.deliveredAt,
    passwordMail.failedAt,
    passwordMail.failureReason,
    mail.credentialsIssuedYear,
    mail.firstLoginAt,
    mail.tempPasswordChangedAt,
    mail.passwordExpiredAt,
    mypage.status,
    mypage.provisionalAt,
    mypage.provisionalExpiresAt,
    mypage.registeredAt,
    mypage.failedAt,
    mypage.mismatchField,
  ]
}

/** The inverse of toWebState() for the progress row. */
export function progressValues(progress: RenewalProgressState): unknown[] {
  return [
    progress.step,
    progress.stepReachedAt,
    progress.screen,
    progress.screenReachedAt,
    progress.startedAt,
    progress.completedAt,
    progress.lastActivityAt,
  ]
}
