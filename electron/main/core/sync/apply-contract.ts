import type BetterSqlite3 from 'better-sqlite3'
import { prepareSearchKeyWriter } from '../../../../db/queries/contract-search'
import { ruleSetOf, type InsurerRow } from '../../../../db/queries/insurers'
import type { ContractWebState } from '../../../common/domain/contract-web-state'
import { webCutoff, type InsurerRuleSet } from '../../../common/domain/insurer-rules'
import { SCHEDULE_COLUMNS, scheduleValues } from '../workspace/schedule-columns'
import {
  MAIL_STATE_COLUMNS,
  mailStateValues,
  PROGRESS_STATE_COLUMNS,
  progressValues,
} from '../workspace/web-state-rows'
import type { Contract } from '../insurer/wire'
import { wireWebState } from './wire-web-state'

/*
 * Conflict rules between the insurer's copy and the local cache (applied in this file):
 *
 * 1. The insurer wins for everything it owns: the contract's terms (flow, parties, vehicle,
 *    dates, premium), renewal status/channel/renewed number, the policyholder's client row,
 *    credential_mail_state and renewal_progress. Those are overwritten, never merged.
 * 2. Staff win for the assignment. staff_id / branch_id come from agentStaffCode only when
 *    the contract is first inserted, or later while the local staff_id is still NULL; once
 *    set they are never overwritten (a manager may have reassigned the contract). A code
 *    that names no local staff row leaves the assignment NULL rather than failing the page.
 * 3. Only newer versions apply. An upsert whose version is ≤ the stored remote_version is
 *    skipped, so a replayed page (crash before the cursor was saved) or the overlap between
 *    the snapshot and the change feed is harmless. It still stamps synced_at: the snapshot
 *    uses synced_at as its "seen in this run" marker (initial-sync.ts).
 * 4. A tombstoned contract that the insurer lists again comes back (deleted_at = NULL),
 *    unless the listing is older than what we hold.
 * 5. Local-only tables — notes, follow_ups, reissue_outbox (apart from the forward-only
 *    outcome transitions in apply-change.ts), audit_log, app_settings — are never touched.
 *    contracts.id and client_id stay stable across updates, so local rows keep pointing at
 *    the right contract through any number of syncs and resyncs.
 */

export type ContractOutcome = 'inserted' | 'updated' | 'unchanged'

export interface ContractWriter {
  /** Writes one contract; call inside the caller's transaction. `at` = epoch ms (synced_at). */
  /**
   * `deferSearchKey`: leave the search key to refreshSearchKeys (the snapshot writes all
   * keys at its end, in large transactions: per-page FTS updates tripled its cost).
   */
  apply(contract: Contract, at: number, options?: { deferSearchKey?: boolean }): ContractOutcome
  /** The local contract id for a policy number of this insurer (tombstoned ones too). */
  contractId(policyNumber: string): number | null
}

interface ExistingRow {
  id: number
  client_id: number
  remote_version: string | null
  deleted_at: number | null
  staff_id: string | null
}

const CONTRACT_COLUMNS = `flow, named_insured_name, named_insured_kana, vehicle_owner_name,
  vehicle_name, vehicle_plate, inception_date, maturity_date, web_cutoff_at, premium_yen,
  renewal_status, renewal_channel, renewed_policy_number, remote_version, synced_at, updated_at,
  ${SCHEDULE_COLUMNS.join(', ')}`

const CLIENT_COLUMNS =
  'name_kanji, name_kana, birth_date, postcode, address, phone, email, updated_at'

const MAIL_COLUMNS = `${MAIL_STATE_COLUMNS}, updated_at`

const PROGRESS_COLUMNS = `${PROGRESS_STATE_COLUMNS}, updated_at`

function names(columns: string): string[] {
  return columns.split(',').map((c) => c.trim())
}
const marks = (columns: string) =>
  names(columns)
    .map(() => '?')
    .join(', ')
const assignments = (columns: string) =>
  names(columns)
    .map((c) => `${c} = ?`)
    .join(', ')
const fromExcluded = (columns: string) =>
  names(columns)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')

/**
 * The child rows' copies of their contract's dates and tombstone and its client's id and kana
 * (migration 0013). A child is written after its contract and client hold these values
 * (inserted, or updated and undeleted), so a new child row gets them here: the insert trigger
 * then has nothing to fill, which spares it a second write of every row during an initial
 * sync. An existing child keeps its copies (the contract's and the client's triggers move
 * them when they change).
 */
const COPIES = `contract_web_cutoff_at, contract_maturity_date, contract_deleted_at,
  contract_client_id, contract_client_kana`

function upsertChild(sqlite: BetterSqlite3.Database, table: string, columns: string) {
  return sqlite.prepare(
    `INSERT INTO ${table} (contract_id, ${columns}, ${COPIES}) VALUES (?, ${marks(columns)}, ?, ?, NULL, ?, ?)
     ON CONFLICT (contract_id) DO UPDATE SET ${fromExcluded(columns)}`,
  )
}

function prepareStatements(sqlite: BetterSqlite3.Database) {
  return {
    find: sqlite.prepare<[string, string], ExistingRow>(
      `SELECT id, client_id, remote_version, deleted_at, staff_id FROM contracts
       WHERE insurer_id = ? AND policy_number = ?`,
    ),
    staffBranch: sqlite.prepare<[string], { branch_id: string }>(
      'SELECT branch_id FROM staff WHERE id = ?',
    ),
    insertClient: sqlite.prepare(
      `INSERT INTO clients (${CLIENT_COLUMNS}) VALUES (${marks(CLIENT_COLUMNS)})`,
    ),
    updateClient: sqlite.prepare(`UPDATE clients SET ${assignments(CLIENT_COLUMNS)} WHERE id = ?`),
    insertContract: sqlite.prepare(
      `INSERT INTO contracts (insurer_id, policy_number, client_id, staff_id, branch_id,
         ${CONTRACT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ${marks(CONTRACT_COLUMNS)})`,
    ),
    // deleted_at is left out on purpose: every partial index is keyed on it, so naming it
    // here would make SQLite revisit all of them on each update. Undelete is its own statement.
    updateContract: sqlite.prepare(
      `UPDATE contracts SET ${assignments(CONTRACT_COLUMNS)} WHERE id = ?`,
    ),
    undelete: sqlite.prepare('UPDATE contracts SET deleted_at = NULL WHERE id = ?'),
    fillAssignment: sqlite.prepare(
      `UPDATE contracts SET staff_id = ?, branch_id = coalesce(branch_id, ?)
       WHERE id = ? AND staff_id IS NULL`,
    ),
    touch: sqlite.prepare('UPDATE contracts SET synced_at = ? WHERE id = ?'),
    upsertMail: upsertChild(sqlite, 'credential_mail_state', MAIL_COLUMNS),
    upsertProgress: upsertChild(sqlite, 'renewal_progress', PROGRESS_COLUMNS),
  }
}

/** Reads the insurer's rule set; a missing row is a wiring bug, not a sync failure. */
export function insurerRules(sqlite: BetterSqlite3.Database, insurerId: string): InsurerRuleSet {
  const row = sqlite.prepare('SELECT * FROM insurers WHERE id = ?').get(insurerId) as
    InsurerRow | undefined
  if (!row) throw new Error(`sync: insurer ${insurerId} has no row in insurers; seed it first`)
  return ruleSetOf(row)
}

/**
 * Prepares the statements once per sync run (preparing per row would cost more than the
 * writes). webCutoff() goes through the time-zone library, so it is cached per maturity
 * date: a book has a few hundred distinct dates, not a million.
 */
export function prepareContractWriter(
  sqlite: BetterSqlite3.Database,
  insurerId: string,
): ContractWriter {
  const rules = insurerRules(sqlite, insurerId)
  const s = prepareStatements(sqlite)
  const searchKeys = prepareSearchKeyWriter(sqlite)
  const cutoffs = new Map<string, number>()
  const branches = new Map<string, string | null>()

  const cutoffOf = (maturityDate: string): number => {
    let cutoff = cutoffs.get(maturityDate)
    if (cutoff === undefined) {
      cutoff = webCutoff(maturityDate, rules).getTime()
      cutoffs.set(maturityDate, cutoff)
    }
    return cutoff
  }

  /** [staff_id, branch_id] for an agent code, or nulls when no such staff exists locally. */
  const assignmentOf = (code: string | null): [string | null, string | null] => {
    if (code === null) return [null, null]
    let branch = branches.get(code)
    if (branch === undefined) {
      branch = s.staffBranch.get(code)?.branch_id ?? null
      branches.set(code, branch)
    }
    return branch === null ? [null, null] : [code, branch]
  }

  const contractValues = (c: Contract, state: ContractWebState, at: number) => [
    c.flow,
    c.namedInsured.name,
    c.namedInsured.kana,
    c.vehicleOwnerName,
    c.vehicle.name,
    c.vehicle.plate,
    c.inceptionDate,
    c.maturityDate,
    state.webCutoffAt,
    c.premiumYen,
    c.renewal.status,
    c.renewal.channel,
    c.renewal.renewedPolicyNumber,
    String(c.version),
    at,
    at,
    ...scheduleValues(state),
  ]

  const writeChildren = (
    contractId: number,
    clientId: number,
    c: Contract,
    state: ContractWebState,
    at: number,
  ) => {
    const copies = [state.webCutoffAt, c.maturityDate, clientId, c.policyholder.nameKana]
    s.upsertMail.run(contractId, ...mailStateValues(state.mail), at, ...copies)
    s.upsertProgress.run(contractId, ...progressValues(state.progress), at, ...copies)
  }

  // The insurer owns every field of the key (rule 1), so it is rewritten with them.
  const writeSearchKey = (contractId: number, c: Contract) =>
    searchKeys.write(contractId, {
      clientName: c.policyholder.nameKanji,
      clientKana: c.policyholder.nameKana,
      namedInsuredName: c.namedInsured.name,
      namedInsuredKana: c.namedInsured.kana,
      phone: c.policyholder.phone,
      plate: c.vehicle.plate,
      policyNumber: c.policyNumber,
    })

  const clientValues = (c: Contract, at: number) => {
    const p = c.policyholder
    return [p.nameKanji, p.nameKana, p.birthDate, p.postcode, p.address, p.phone, p.email, at]
  }

  return {
    contractId: (policyNumber) => s.find.get(insurerId, policyNumber)?.id ?? null,

    apply(c, at, options) {
      const keyNow = !options?.deferSearchKey
      const existing = s.find.get(insurerId, c.policyNumber)
      if (!existing) {
        const state = wireWebState(c, cutoffOf(c.maturityDate))
        const clientId = Number(s.insertClient.run(...clientValues(c, at)).lastInsertRowid)
        const [staffId, branchId] = assignmentOf(c.agentStaffCode)
        const contractId = Number(
          s.insertContract.run(
            insurerId,
            c.policyNumber,
            clientId,
            staffId,
            branchId,
            ...contractValues(c, state, at),
          ).lastInsertRowid,
        )
        writeChildren(contractId, clientId, c, state, at)
        if (keyNow) writeSearchKey(contractId, c)
        return 'inserted'
      }

      const stored = existing.remote_version === null ? null : Number(existing.remote_version)
      const live = existing.deleted_at === null
      if (stored !== null && (c.version < stored || (c.version === stored && live))) {
        s.touch.run(at, existing.id)
        return 'unchanged'
      }
      const state = wireWebState(c, cutoffOf(c.maturityDate))
      s.updateClient.run(...clientValues(c, at), existing.client_id)
      s.updateContract.run(...contractValues(c, state, at), existing.id)
      if (!live) s.undelete.run(existing.id)
      if (existing.staff_id === null) {
        const [staffId, branchId] = assignmentOf(c.agentStaffCode)
        if (staffId !== null) s.fillAssignment.run(staffId, branchId, existing.id)
      }
      writeChildren(existing.id, existing.client_id, c, state, at)
      if (keyNow) writeSearchKey(existing.id, c)
      return 'updated'
    },
  }
}
