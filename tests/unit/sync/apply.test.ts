import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/connection'
import {
  prepareChangeApplier,
  type ChangeApplier,
} from '../../../electron/main/core/sync/apply-change'
import {
  canonicalHashOfCache,
  canonicalHashOfContracts,
} from '../../../electron/main/core/sync/canonical-hash'
import type { Change, Contract, Event } from '../../../electron/main/core/insurer/wire'
import { sampleContract } from '../insurer/fixtures'
import { addNote, addOutboxRow, INSURER, syncDatabase } from './sync-db'

const AT = Date.parse('2026-11-23T10:00:00+09:00')
const LATER = AT + 60_000

let database: DatabaseHandle
let changes: ChangeApplier

beforeEach(async () => {
  database = await syncDatabase()
  changes = prepareChangeApplier(database.sqlite, INSURER)
})
afterEach(async () => {
  await database.close()
})

function contract(policyNumber: string, version: number, edit?: (c: Contract) => void): Contract {
  const c = sampleContract(policyNumber, version)
  c.agentStaffCode = 'st-002'
  edit?.(c)
  return c
}

function write(...contracts: Contract[]): string[] {
  return database.sqlite.transaction(() => contracts.map((c) => changes.contracts.apply(c, AT)))()
}

function apply(change: Change, at = LATER): string {
  return database.sqlite.transaction(() => changes.apply(change, at))()
}

interface Row {
  id: number
  client_id: number
  staff_id: string | null
  branch_id: string | null
  premium_yen: number
  remote_version: string | null
  web_cutoff_at: number
  deleted_at: number | null
  synced_at: number | null
}

function row(policyNumber: string): Row {
  const found = database.sqlite
    .prepare('SELECT * FROM contracts WHERE insurer_id = ? AND policy_number = ?')
    .get(INSURER, policyNumber) as Row | undefined
  if (!found) throw new Error(`no contract ${policyNumber}`)
  return found
}

function count(sql: string, ...params: unknown[]): number {
  return (database.sqlite.prepare(sql).get(...params) as { n: number }).n
}

let seq = 0
function event(
  policyNumber: string,
  fields: Event,
  occurredAt = '2026-11-23T11:00:00+09:00',
): Change {
  return { seq: ++seq, occurredAt, kind: 'event', policyNumber, event: fields }
}

describe('applyContract', () => {
  it('inserts the contract, its client, mail state and progress, and derives the cutoff', () => {
    expect(write(contract('P-1', 3))).toEqual(['inserted'])
    const r = row('P-1')
    expect(r).toMatchObject({ remote_version: '3', deleted_at: null, synced_at: AT })
    expect(r).toMatchObject({ staff_id: 'st-002', branch_id: 'br-shinjuku' })
    // Maturity 2027-04-01 → web deadline 2027-03-30 23:55 JST (domain.md).
    expect(new Date(r.web_cutoff_at).toISOString()).toBe('2027-03-30T14:55:00.000Z')
    expect(count('SELECT count(*) AS n FROM clients WHERE id = ?', r.client_id)).toBe(1)
    expect(
      count('SELECT count(*) AS n FROM credential_mail_state WHERE contract_id = ?', r.id),
    ).toBe(1)
    expect(count('SELECT count(*) AS n FROM renewal_progress WHERE contract_id = ?', r.id)).toBe(1)
  })

  it('converts RFC 3339 instants to epoch ms', () => {
    write(
      contract('P-1', 1, (c) => {
        c.credentials.idMail = {
          ...c.credentials.idMail,
          status: 'sent',
          sentAt: '2026-11-20T09:00:00+09:00',
        }
        c.renewal.startedAt = '2026-11-21T00:30:00Z'
      }),
    )
    const id = row('P-1').id
    const mail = database.sqlite
      .prepare(
        'SELECT id_mail_status, id_mail_sent_at FROM credential_mail_state WHERE contract_id = ?',
      )
      .get(id)
    expect(mail).toEqual({
      id_mail_status: 'sent',
      id_mail_sent_at: Date.parse('2026-11-20T00:00:00Z'),
    })
    const progress = database.sqlite
      .prepare('SELECT started_at FROM renewal_progress WHERE contract_id = ?')
      .get(id)
    expect(progress).toEqual({ started_at: Date.parse('2026-11-21T00:30:00Z') })
  })

  it('leaves the assignment NULL when the agent code names no local staff', () => {
    write(contract('P-1', 1, (c) => (c.agentStaffCode = 'unknown-code')))
    expect(row('P-1')).toMatchObject({ staff_id: null, branch_id: null })
  })

  it('skips a version at or below the stored one, but stamps synced_at', () => {
    write(contract('P-1', 2, (c) => (c.premiumYen = 70_000)))
    const stale = contract('P-1', 1, (c) => (c.premiumYen = 1))
    const same = contract('P-1', 2, (c) => (c.premiumYen = 2))
    const outcomes = database.sqlite.transaction(() => [
      changes.contracts.apply(stale, LATER),
      changes.contracts.apply(same, LATER),
    ])()
    expect(outcomes).toEqual(['unchanged', 'unchanged'])
    expect(row('P-1')).toMatchObject({ premium_yen: 70_000, remote_version: '2', synced_at: LATER })
  })

  it('insurer wins for its fields; ids stay stable; local reassignment is kept', () => {
    write(contract('P-1', 1))
    const before = row('P-1')
    // A manager reassigns the contract locally.
    database.sqlite
      .prepare(`UPDATE contracts SET staff_id = 'st-010', branch_id = 'br-yokohama' WHERE id = ?`)
      .run(before.id)
    const noteId = addNote(database, before.id)
    expect(
      write(
        contract('P-1', 2, (c) => {
          c.premiumYen = 80_000
          c.agentStaffCode = 'st-003'
          c.policyholder.email = 'changed@example.invalid'
        }),
      ),
    ).toEqual(['updated'])
    const after = row('P-1')
    expect(after).toMatchObject({ id: before.id, client_id: before.client_id, premium_yen: 80_000 })
    expect(after).toMatchObject({
      staff_id: 'st-010',
      branch_id: 'br-yokohama',
      remote_version: '2',
    })
    const email = database.sqlite
      .prepare('SELECT email FROM clients WHERE id = ?')
      .get(after.client_id)
    expect(email).toEqual({ email: 'changed@example.invalid' })
    expect(count('SELECT count(*) AS n FROM notes WHERE id = ?', noteId)).toBe(1)
    expect(count('SELECT count(*) AS n FROM clients')).toBe(1)
  })

  it('fills a NULL local assignment from the insurer, but only then', () => {
    write(contract('P-1', 1, (c) => (c.agentStaffCode = null)))
    expect(row('P-1').staff_id).toBeNull()
    write(contract('P-1', 2, (c) => (c.agentStaffCode = 'st-009')))
    expect(row('P-1')).toMatchObject({ staff_id: 'st-009', branch_id: 'br-yokohama' })
    write(contract('P-1', 3, (c) => (c.agentStaffCode = 'st-002')))
    expect(row('P-1').staff_id).toBe('st-009')
  })
})

describe('applyChange', () => {
  it('tombstones: keeps the row and its local data, is idempotent, and a newer upsert revives', () => {
    write(contract('P-1', 1), contract('P-2', 1))
    const id = row('P-1').id
    addNote(database, id)
    const tombstone: Change = {
      seq: 99,
      occurredAt: '2026-11-23T12:00:00+09:00',
      kind: 'contract.tombstone',
      policyNumber: 'P-1',
    }
    expect(apply(tombstone)).toBe('tombstoned')
    expect(apply(tombstone)).toBe('unchanged')
    expect(row('P-1')).toMatchObject({ id, deleted_at: LATER })
    expect(count('SELECT count(*) AS n FROM notes WHERE contract_id = ?', id)).toBe(1)
    expect(canonicalHashOfCache(database.sqlite, INSURER).contracts).toBe(1)
    expect(
      apply({
        seq: 100,
        occurredAt: tombstone.occurredAt,
        kind: 'contract.upsert',
        contract: contract('P-1', 2),
      }),
    ).toBe('updated')
    expect(row('P-1')).toMatchObject({ id, deleted_at: null })
  })

  it('ignores a tombstone or event for a contract the cache does not hold', () => {
    expect(
      apply({
        seq: 1,
        occurredAt: '2026-11-23T12:00:00+09:00',
        kind: 'contract.tombstone',
        policyNumber: 'NOPE',
      }),
    ).toBe('unchanged')
    expect(apply(event('NOPE', { type: 'login' }))).toBe('ignored')
  })

  it('writes events to the timeline with codes only; a replayed seq is a no-op', () => {
    write(contract('P-1', 1))
    const bounced = event('P-1', {
      type: 'password_mail.bounced',
      reason: 'mailbox_full',
      // A field an insurer might add later: unknown keys never reach the timeline.
      ...{ email: 'someone@example.invalid' },
    })
    expect(apply(bounced)).toBe('event')
    expect(apply(bounced)).toBe('unchanged')
    const rows = database.sqlite.prepare('SELECT * FROM timeline_events').all()
    expect(rows).toEqual([
      expect.objectContaining({
        contract_id: row('P-1').id,
        source: 'insurer',
        kind: 'password_mail.bounced',
        detail_json: '{"reason":"mailbox_full"}',
        remote_seq: bounced.seq,
        occurred_at: Date.parse('2026-11-23T11:00:00+09:00'),
        staff_id: null,
      }),
    ])
  })

  it('moves outbox rows forward on reissue events, never back', () => {
    write(contract('P-1', 1))
    const contractId = row('P-1').id
    const sending = addOutboxRow(database, {
      contractId,
      key: 'k1',
      state: 'outcome_unknown',
      remoteId: 'R-1',
    })
    const accepted = addOutboxRow(database, {
      contractId,
      key: 'k2',
      state: 'accepted',
      remoteId: 'R-2',
    })
    const cancelled = addOutboxRow(database, {
      contractId,
      key: 'k3',
      state: 'cancelled',
      remoteId: 'R-3',
    })
    const stranger = addOutboxRow(database, {
      contractId,
      key: 'k4',
      state: 'accepted',
      remoteId: 'R-9',
    })
    const reissue = (type: Event['type'], reissueId: string, failureCode?: string) =>
      apply(
        event(
          'P-1',
          { type, reissueId, reissueKind: 'password', ...(failureCode ? { failureCode } : {}) },
          '2026-11-23T13:00:00+09:00',
        ),
      )

    reissue('reissue.accepted', 'R-1')
    reissue('reissue.completed', 'R-1')
    reissue('reissue.failed', 'R-1', 'bounced_mailbox_full') // after completed: ignored
    reissue('reissue.failed', 'R-2', 'bounced_invalid_address')
    reissue('reissue.accepted', 'R-2') // after failed: ignored
    reissue('reissue.completed', 'R-3') // cancelled stays cancelled

    const state = (id: number) =>
      database.sqlite
        .prepare(
          'SELECT state, accepted_at, finished_at, last_error_code, last_error_message FROM reissue_outbox WHERE id = ?',
        )
        .get(id) as Record<string, unknown>
    const eventAt = Date.parse('2026-11-23T13:00:00+09:00')
    expect(state(sending)).toMatchObject({
      state: 'completed',
      accepted_at: eventAt,
      finished_at: eventAt,
    })
    expect(state(accepted)).toMatchObject({
      state: 'failed',
      finished_at: eventAt,
      last_error_code: 'bounced_invalid_address',
    })
    expect(String(state(accepted).last_error_message)).toContain('bounced_invalid_address')
    expect(state(cancelled)).toMatchObject({ state: 'cancelled', finished_at: null })
    expect(state(stranger)).toMatchObject({ state: 'accepted', finished_at: null })
    expect(count('SELECT count(*) AS n FROM timeline_events')).toBe(6)
  })

  it('honours acceptPolicy: other insurers’ policies are ignored', () => {
    const only = prepareChangeApplier(database.sqlite, INSURER, {
      acceptPolicy: (p) => p.startsWith('1'),
    })
    const outcome = database.sqlite.transaction(() => [
      only.apply(
        {
          seq: 1,
          occurredAt: '2026-11-23T12:00:00+09:00',
          kind: 'contract.upsert',
          contract: contract('1000', 1),
        },
        AT,
      ),
      only.apply(
        {
          seq: 2,
          occurredAt: '2026-11-23T12:00:00+09:00',
          kind: 'contract.upsert',
          contract: contract('5000', 1),
        },
        AT,
      ),
    ])()
    expect(outcome).toEqual(['inserted', 'ignored'])
  })
})

describe('canonical hash', () => {
  it('is equal for the cache and the list it was written from, and sees any difference', () => {
    const list = [
      contract('P-2', 4),
      contract('P-1', 1, (c) => (c.renewal.lastActivityAt = '2026-11-22T23:59:59.5+09:00')),
    ]
    write(...list)
    const cache = canonicalHashOfCache(database.sqlite, INSURER)
    expect(cache).toEqual(canonicalHashOfContracts(list))
    expect(cache.contracts).toBe(2)
    const edited = [list[0]!, contract('P-1', 1, (c) => (c.vehicle.plate = '別'))]
    expect(canonicalHashOfContracts(edited).sha256).not.toBe(cache.sha256)
    // Local fields are not part of it.
    database.sqlite.prepare(`UPDATE contracts SET staff_id = NULL`).run()
    expect(canonicalHashOfCache(database.sqlite, INSURER)).toEqual(cache)
  })
})
