import type { TodayScope } from '../../../../common/api/contract-today'
import {
  ABANDONED_AFTER_HOURS,
  MAIL_UNDELIVERED_AFTER_HOURS,
  NEVER_LOGGED_IN_AFTER_HOURS,
  PASSWORD_MAIL_LAG_HOURS,
} from '../../../../common/domain/stuck-reasons'
import { WEB_STATE_COLUMNS } from '../web-state-rows'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/** DUE_TODAY_BUCKETS (closed, ≤3, ≤7 days): every open contract whose cutoff is this close. */
export const DUE_WINDOW_MS = 7 * DAY_MS

/**
 * Today's candidates, selected in SQL so that ranking in TypeScript only sees contracts that
 * can be due: open renewals whose web cutoff is within a week (or past), or whose mail /
 * registration / progress state is one stuckReasons() can flag, with the same time
 * thresholds. It may only ever be a superset — stuckReasons() and isDueToday() have the last
 * word — so a rule refined in the domain can add work here but never hide a client.
 * tests/integration/workspace/today-list.test.ts checks it against a scan of the whole book.
 */
const STUCK_OR_DUE = `(
  c.web_cutoff_at <= @dueUntil
  OR (c.flow = 'A' AND (
    m.id_mail_status = 'bounced' OR m.password_mail_status = 'bounced'
    OR (m.id_mail_status = 'sent' AND m.id_mail_sent_at <= @mailLate)
    OR (m.id_mail_status = 'delivered' AND m.password_mail_status IN ('not_sent', 'sent')
        AND coalesce(m.id_mail_sent_at, m.id_mail_delivered_at) <= @passwordLate)
    OR (p.step NOT IN ('a3_procedure', 'a4_completed', 'a5_mypage') AND (
      m.password_expired_at IS NOT NULL
      OR (m.first_login_at IS NULL AND m.id_mail_status = 'delivered' AND (
        (m.password_mail_status = 'suppressed_existing'
          AND coalesce(m.id_mail_sent_at, m.id_mail_delivered_at) <= @passwordLate)
        OR (m.password_mail_status = 'delivered' AND m.password_mail_delivered_at <= @loginLate)))))))
  OR (c.flow = 'B' AND (
    m.mypage_status IN ('mismatch', 'wrong_policy_number', 'expired')
    OR (m.mypage_status = 'provisional' AND m.mypage_provisional_expires_at <= @now)))
  OR (p.step NOT IN ('none', 'a1_credentials', 'b2_provisional', 'a4_completed', 'a5_mypage', 'b5_completed')
    AND (p.screen IS NULL OR p.screen <> 'formed')
    AND coalesce(p.last_activity_at, p.screen_reached_at, p.step_reached_at) <= @abandonedBefore)
)`

/**
 * Only open renewals of live contracts: renewed, lapsed and cancelled ones have nobody to
 * call. Written exactly as the WHERE of the contracts_today_* partial indexes (migration
 * 0005), so SQLite can use them.
 */
const OPEN = `c.deleted_at IS NULL AND c.renewal_status IN ('not_started', 'in_progress')`

/** Each scope walks its own partial index in web-cutoff order. */
const SCOPE: Record<TodayScope, { index: string; filter: string }> = {
  mine: { index: 'contracts_today_staff', filter: 'AND c.staff_id = @staffId' },
  branch: { index: 'contracts_today_branch', filter: 'AND c.branch_id = @branchId' },
  all: { index: 'contracts_today_all', filter: '' },
}

/** What the list shows besides the web state. */
const DISPLAY_COLUMNS = `c.policy_number, c.staff_id, i.name AS insurer_name,
  cl.name_kanji AS client_name, cl.name_kana AS client_kana, s.name AS staff_name`

/** Contracts of one scope whose web cutoff lies in (@cutoffAfter, @cutoffUntil]. */
function where(scope: TodayScope): string {
  return `WHERE ${OPEN} ${SCOPE[scope].filter}
  AND c.web_cutoff_at > @cutoffAfter AND c.web_cutoff_at <= @cutoffUntil
  AND ${STUCK_OR_DUE}`
}

/** The candidates of one scope within one cutoff range, with what the list shows. */
export function todayCandidateSql(scope: TodayScope): string {
  return `SELECT ${WEB_STATE_COLUMNS}, ${DISPLAY_COLUMNS}
FROM contracts c INDEXED BY ${SCOPE[scope].index}
  JOIN credential_mail_state m ON m.contract_id = c.id
  JOIN renewal_progress p ON p.contract_id = c.id
  JOIN insurers i ON i.id = c.insurer_id
  JOIN clients cl ON cl.id = c.client_id
  LEFT JOIN staff s ON s.id = c.staff_id
${where(scope)}`
}

/** How many candidates one scope has within one cutoff range (for "N more"). */
export function todayCountSql(scope: TodayScope): string {
  return `SELECT count(*) AS n
FROM contracts c INDEXED BY ${SCOPE[scope].index}
  JOIN credential_mail_state m ON m.contract_id = c.id
  JOIN renewal_progress p ON p.contract_id = c.id
${where(scope)}`
}

export interface CandidateParams {
  now: number
  dueUntil: number
  mailLate: number
  passwordLate: number
  loginLate: number
  abandonedBefore: number
  cutoffAfter: number
  cutoffUntil: number
  staffId?: string
  branchId?: string
}

/** Named parameters at `now` for the signed-in staff member, over a cutoff range. */
export function candidateParams(
  now: number,
  who: { staffId: string; branchId: string },
  scope: TodayScope,
  range: { after: number; until: number } = {
    after: Number.MIN_SAFE_INTEGER,
    until: Number.MAX_SAFE_INTEGER,
  },
): CandidateParams {
  return {
    now,
    dueUntil: now + DUE_WINDOW_MS,
    mailLate: now - MAIL_UNDELIVERED_AFTER_HOURS * HOUR_MS,
    passwordLate: now - PASSWORD_MAIL_LAG_HOURS * HOUR_MS,
    loginLate: now - NEVER_LOGGED_IN_AFTER_HOURS * HOUR_MS,
    abandonedBefore: now - ABANDONED_AFTER_HOURS * HOUR_MS,
    cutoffAfter: range.after,
    cutoffUntil: range.until,
    ...(scope === 'mine' ? { staffId: who.staffId } : {}),
    ...(scope === 'branch' ? { branchId: who.branchId } : {}),
  }
}
