import { createHash, type Hash } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import type { Contract } from '../insurer/wire'

/**
 * One hash for "the insurer's state as the cache holds it": every live contract's policy
 * number, version and insurer-owned fields, in policy-number order, instants as epoch ms.
 * The same function runs over the cache and over the insurer's own list, so a test (or a
 * support tool) can check cache == insurer with one comparison. Local fields (assignment,
 * notes, outbox) and derived ones (web_cutoff_at) are left out on purpose.
 */
export interface CanonicalHash {
  sha256: string
  contracts: number
}

type Value = string | number | null
const ms = (instant: string | null): number | null =>
  instant === null ? null : Date.parse(instant)

function wireRecord(c: Contract): Value[] {
  const { policyholder: p, renewal: r, credentials: k, mypage: m } = c
  return [
    c.policyNumber,
    c.version,
    c.flow,
    p.nameKanji,
    p.nameKana,
    p.birthDate,
    p.postcode,
    p.address,
    p.phone,
    p.email,
    c.namedInsured.name,
    c.namedInsured.kana,
    c.vehicleOwnerName,
    c.vehicle.name,
    c.vehicle.plate,
    c.inceptionDate,
    c.maturityDate,
    c.premiumYen,
    r.status,
    r.channel,
    r.renewedPolicyNumber,
    r.step,
    ms(r.stepReachedAt),
    r.screen,
    ms(r.screenReachedAt),
    ms(r.startedAt),
    ms(r.completedAt),
    ms(r.lastActivityAt),
    ...[k.idMail, k.passwordMail].flatMap((mail) => [
      mail.status,
      ms(mail.sentAt),
      ms(mail.deliveredAt),
      ms(mail.failedAt),
      mail.failureReason,
    ]),
    k.credentialsIssuedYear,
    ms(k.firstLoginAt),
    ms(k.tempPasswordChangedAt),
    ms(k.passwordExpiredAt),
    m.status,
    ms(m.provisionalAt),
    ms(m.provisionalExpiresAt),
    ms(m.registeredAt),
    ms(m.failedAt),
    m.mismatchField,
  ]
}

/** The same fields, in the same order, read from the cache (see wireRecord). */
const CACHE_SELECT = `SELECT json_array(
    c.policy_number, CAST(c.remote_version AS INTEGER), c.flow,
    cl.name_kanji, cl.name_kana, cl.birth_date, cl.postcode, cl.address, cl.phone, cl.email,
    c.named_insured_name, c.named_insured_kana, c.vehicle_owner_name, c.vehicle_name,
    c.vehicle_plate, c.inception_date, c.maturity_date, c.premium_yen,
    c.renewal_status, c.renewal_channel, c.renewed_policy_number,
    rp.step, rp.step_reached_at, rp.screen, rp.screen_reached_at, rp.started_at,
    rp.completed_at, rp.last_activity_at,
    m.id_mail_status, m.id_mail_sent_at, m.id_mail_delivered_at, m.id_mail_failed_at,
    m.id_mail_failure_reason,
    m.password_mail_status, m.password_mail_sent_at, m.password_mail_delivered_at,
    m.password_mail_failed_at, m.password_mail_failure_reason,
    m.credentials_issued_year, m.first_login_at, m.temp_password_changed_at,
    m.password_expired_at,
    m.mypage_status, m.mypage_provisional_at, m.mypage_provisional_expires_at,
    m.mypage_registered_at, m.mypage_failed_at, m.mypage_mismatch_field) AS record
  FROM contracts c
  JOIN clients cl ON cl.id = c.client_id
  LEFT JOIN credential_mail_state m ON m.contract_id = c.id
  LEFT JOIN renewal_progress rp ON rp.contract_id = c.id
  WHERE c.insurer_id = ? AND c.deleted_at IS NULL
  ORDER BY c.policy_number`

function add(hash: Hash, record: string): void {
  hash.update(record)
  hash.update('\n')
}

/** Over the insurer's own list, e.g. the demo insurer's snapshot(). */
export function canonicalHashOfContracts(contracts: Iterable<Contract>): CanonicalHash {
  const records = [...contracts]
    .map((c) => [c.policyNumber, JSON.stringify(wireRecord(c))] as const)
    // Code-unit order equals SQLite's BINARY order for the ASCII policy numbers insurers use.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const hash = createHash('sha256')
  for (const [, record] of records) add(hash, record)
  return { sha256: hash.digest('hex'), contracts: records.length }
}

/** Over the cache: live contracts of one insurer, streamed (no full copy in memory). */
export function canonicalHashOfCache(
  sqlite: BetterSqlite3.Database,
  insurerId: string,
): CanonicalHash {
  const hash = createHash('sha256')
  let contracts = 0
  const rows = sqlite.prepare<[string], { record: string }>(CACHE_SELECT).iterate(insurerId)
  for (const { record } of rows) {
    // Re-serialised by JS so both sides share one number and string formatting.
    add(hash, JSON.stringify(JSON.parse(record) as Value[]))
    contracts++
  }
  return { sha256: hash.digest('hex'), contracts }
}
