import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContractDetail, Note } from '../../../electron/common/api/contract-detail'
import { dispatch } from '../../../electron/main/core/api/dispatch'
import { startTestCore, type TestCore } from '../../support/test-core'

let core: TestCore

interface StaffRow {
  id: string
  name: string
  role: 'staff' | 'manager'
  branch_id: string
}

/** A stuck flow-A contract of the demo book, with insurer events on its timeline. */
let stuck: { id: number; staff_id: string }
let staffRows: StaffRow[]

const sql = <T>(query: string, ...params: unknown[]): T[] =>
  core.database.sqlite.prepare(query).all(...params) as T[]

async function call<T>(channel: string, input: unknown): Promise<T> {
  // Entries written in the same millisecond would tie on the timeline: keep writes apart.
  await new Promise((resolve) => setTimeout(resolve, 3))
  const result = await dispatch(core.handlers, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

async function signIn(staffId: string): Promise<void> {
  await call('session:signIn', { staffId })
}

beforeAll(async () => {
  core = await startTestCore({
    seedDemoWhenEmpty: true,
  })
  const [row] = sql<{ id: number; staff_id: string }>(
    `SELECT c.id, c.staff_id FROM contracts c
     WHERE c.flow = 'A' AND c.renewal_status IN ('not_started', 'in_progress')
       AND c.staff_id IS NOT NULL
       AND (SELECT count(*) FROM timeline_events e WHERE e.contract_id = c.id) >= 2
     ORDER BY c.id LIMIT 1`,
  )
  if (!row) throw new Error('the demo book has no flow-A contract with a timeline')
  stuck = row
  staffRows = sql<StaffRow>('SELECT id, name, role, branch_id FROM staff WHERE active = 1')
})

afterAll(async () => {
  await core.stop()
})

describe('contracts:get', () => {
  it('returns the contract with its parties, deadlines, staff and computed web state', async () => {
    const detail = await call<ContractDetail>('contracts:get', { id: stuck.id })
    const db = sql<{
      policy_number: string
      name_kanji: string
      vehicle_plate: string
      maturity_date: string
      staff_id: string
    }>(
      `SELECT c.policy_number, cl.name_kanji, c.vehicle_plate, c.maturity_date, c.staff_id
       FROM contracts c JOIN clients cl ON cl.id = c.client_id WHERE c.id = ?`,
      stuck.id,
    )[0]!
    expect(detail).toMatchObject({
      id: stuck.id,
      policyNumber: db.policy_number,
      flow: 'A',
      client: { nameKanji: db.name_kanji },
      vehicle: { plate: db.vehicle_plate },
      maturityDate: db.maturity_date,
      staff: { id: db.staff_id },
      track: { flow: 'A' },
    })
    expect(detail.insurer.rules.siteClosedFrom).toMatch(/^\d\d:\d\d$/)
    expect(detail.webCutoffAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/)
    expect(detail.asOf).toMatch(/\+09:00$/)
    expect(detail.track.stages.map((s) => s.stage)).toEqual([
      'a1_credentials',
      'a2_login',
      'a3_procedure',
      'a4_completed',
      'a5_mypage',
    ])
    expect(detail.track.stages.find((s) => s.stage === 'a3_procedure')?.screens).toHaveLength(7)
    expect(detail.clientGuide.ja.length).toBeGreaterThan(5)
    expect(detail.clientGuide.en.length).toBeGreaterThan(5)
    for (const reason of detail.stuckReasons) {
      expect(reason.text.ja).not.toBe('')
      expect(reason.nextAction.en).not.toBe('')
    }
  })

  it('labels insurer events, whether written by the demo book or the change feed', async () => {
    // The feed's dotted kind next to the demo book's snake_case one, one second apart.
    const base = Date.parse('2026-11-01T09:00:00+09:00')
    core.database.sqlite
      .prepare(
        `INSERT INTO timeline_events (contract_id, occurred_at, source, kind, detail_json)
         VALUES (?, ?, 'insurer', 'id_mail_sent', '{}'), (?, ?, 'insurer', 'id_mail.sent', '{}'),
                (?, ?, 'insurer', 'id_mail.bounced', '{"reason":"carrier_filter","secret":"x"}'),
                (?, ?, 'insurer', 'some.future_kind', '{}')`,
      )
      .run(stuck.id, base, stuck.id, base + 1000, stuck.id, base + 2000, stuck.id, base + 3000)
    const { timeline } = await call<ContractDetail>('contracts:get', { id: stuck.id })
    const mine = timeline.filter((e) => e.at.startsWith('2026-11-01T09:00:0'))
    expect(mine.map((e) => [e.at, e.label])).toEqual([
      ['2026-11-01T09:00:03+09:00', 'unknown'],
      ['2026-11-01T09:00:02+09:00', 'idMailBounced'],
      ['2026-11-01T09:00:01+09:00', 'idMailSent'],
      ['2026-11-01T09:00:00+09:00', 'idMailSent'],
    ])
    // Only code fields pass; anything else the insurer adds is dropped.
    expect(mine[1]?.params).toEqual({ reason: 'carrier_filter' })
    expect(mine[0]?.params).toEqual({ kind: 'some.future_kind' })
    expect(mine.every((e) => e.source === 'insurer')).toBe(true)
  })

  it('answers not_found with a clear message for an unknown or removed contract', async () => {
    const missing = await dispatch(core.handlers, 'contracts:get', { id: 99_999_999 })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    if (!missing.ok) {
      expect(missing.error.message).toContain('99999999')
      expect(missing.error.message).toContain(' / ')
    }
    const [other] = sql<{ id: number }>(
      'SELECT id FROM contracts WHERE id != ? ORDER BY id DESC LIMIT 1',
      stuck.id,
    )
    core.database.sqlite.prepare('UPDATE contracts SET deleted_at = 1 WHERE id = ?').run(other!.id)
    expect(await dispatch(core.handlers, 'contracts:get', { id: other!.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('refuses malformed ids as invalid input, naming the field', async () => {
    for (const input of [{ id: 'abc' }, { id: -1 }, { id: 1.5 }, {}, { id: 1, extra: true }]) {
      const result = await dispatch(core.handlers, 'contracts:get', input)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
  })
})

describe('notes:add', () => {
  it('writes the note and its audit entry together, by the signed-in staff member', async () => {
    await signIn(stuck.staff_id)
    const before = sql<{ n: number }>(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'note.add'",
    )[0]!.n
    const note = await call<Note>('notes:add', {
      contractId: stuck.id,
      body: '  お客さまから折り返し希望（夕方）  ',
    })
    expect(note).toMatchObject({
      body: 'お客さまから折り返し希望（夕方）',
      staffId: stuck.staff_id,
    })
    const audits = sql<{ actor_staff_id: string; entity_id: string; detail_json: string }>(
      "SELECT actor_staff_id, entity_id, detail_json FROM audit_log WHERE action = 'note.add' ORDER BY id",
    )
    expect(audits).toHaveLength(before + 1)
    const last = audits.at(-1)!
    expect(last).toMatchObject({ actor_staff_id: stuck.staff_id, entity_id: String(stuck.id) })
    // The audit trail keeps the length, not the text (it may name the client).
    expect(last.detail_json).not.toContain('折り返し')

    const detail = await call<ContractDetail>('contracts:get', { id: stuck.id })
    expect(detail.notes[0]).toMatchObject({ id: note.id, body: note.body })
    expect(detail.timeline[0]).toMatchObject({
      key: `note-${note.id}`,
      label: 'note',
      source: 'staff',
      body: note.body,
    })
  })

  it('rolls the note back when its audit entry cannot be written', async () => {
    const notesBefore = sql<{ n: number }>('SELECT count(*) AS n FROM notes')[0]!.n
    core.database.sqlite.exec(
      `CREATE TEMP TRIGGER fail_note_audit BEFORE INSERT ON audit_log
       WHEN NEW.action = 'note.add' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
    )
    try {
      const result = await dispatch(core.handlers, 'notes:add', {
        contractId: stuck.id,
        body: '書けないはずのメモ',
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    } finally {
      core.database.sqlite.exec('DROP TRIGGER fail_note_audit')
    }
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM notes')[0]!.n).toBe(notesBefore)
  })

  it('refuses empty, blank and over-long notes, and notes on unknown contracts', async () => {
    for (const body of ['', '   ', 'x'.repeat(2001)]) {
      const result = await dispatch(core.handlers, 'notes:add', { contractId: stuck.id, body })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'body' } })
    }
    expect(
      await dispatch(core.handlers, 'notes:add', { contractId: stuck.id, body: 'x'.repeat(2000) }),
    ).toMatchObject({ ok: true })
    expect(
      await dispatch(core.handlers, 'notes:add', { contractId: 99_999_999, body: 'メモ' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('refuses a note when nobody is signed in', async () => {
    await call('session:signOut', {})
    const result = await dispatch(core.handlers, 'notes:add', { contractId: stuck.id, body: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'request_refused' } })
    await signIn(stuck.staff_id)
  })
})

describe('followUps:set', () => {
  it('sets, replaces and clears the follow-up date, each on the timeline', async () => {
    await signIn(stuck.staff_id)
    const first = await call<{ followUp: { dueDate: string; memo: string } }>('followUps:set', {
      contractId: stuck.id,
      dueDate: '2026-11-25',
      memo: '夕方に電話',
    })
    expect(first.followUp).toMatchObject({ dueDate: '2026-11-25', memo: '夕方に電話' })
    const second = await call<{ followUp: { dueDate: string } }>('followUps:set', {
      contractId: stuck.id,
      dueDate: '2026-11-27',
    })
    expect(second.followUp).toMatchObject({ dueDate: '2026-11-27', memo: '' })
    // One open follow-up at a time; the earlier one is closed, not deleted.
    expect(
      sql<{ n: number }>(
        'SELECT count(*) AS n FROM follow_ups WHERE contract_id = ? AND done_at IS NULL',
        stuck.id,
      )[0]!.n,
    ).toBe(1)
    let detail = await call<ContractDetail>('contracts:get', { id: stuck.id })
    expect(detail.followUp).toMatchObject({ dueDate: '2026-11-27' })
    expect(detail.timeline[0]).toMatchObject({
      label: 'followUpSet',
      params: { dueDate: '2026-11-27' },
    })

    expect(await call('followUps:set', { contractId: stuck.id, dueDate: null })).toEqual({
      followUp: null,
    })
    detail = await call<ContractDetail>('contracts:get', { id: stuck.id })
    expect(detail.followUp).toBeNull()
    expect(detail.timeline[0]).toMatchObject({ label: 'followUpCleared', source: 'staff' })
  })

  it('refuses dates that are not YYYY-MM-DD or do not exist', async () => {
    for (const dueDate of ['2026/11/25', '2026-02-30', '25-11-2026', '']) {
      const result = await dispatch(core.handlers, 'followUps:set', {
        contractId: stuck.id,
        dueDate,
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'dueDate' } })
    }
  })
})

describe('contracts:reassign', () => {
  const otherActive = (notId: string) =>
    staffRows.find((s) => s.id !== notId && s.role === 'staff')!

  it('lets the staff member in charge hand the contract on, with an audit entry', async () => {
    await signIn(stuck.staff_id)
    const target = otherActive(stuck.staff_id)
    const result = await call<{ staff: { id: string }; branch: { id: string } }>(
      'contracts:reassign',
      { contractId: stuck.id, staffId: target.id },
    )
    expect(result).toMatchObject({ staff: { id: target.id }, branch: { id: target.branch_id } })
    expect(
      sql<{ staff_id: string; branch_id: string }>(
        'SELECT staff_id, branch_id FROM contracts WHERE id = ?',
        stuck.id,
      )[0],
    ).toEqual({ staff_id: target.id, branch_id: target.branch_id })
    const detail = await call<ContractDetail>('contracts:get', { id: stuck.id })
    expect(detail.staff).toEqual({ id: target.id, name: target.name })
    expect(detail.timeline[0]).toMatchObject({
      label: 'reassigned',
      params: { toStaff: target.name },
    })
  })

  it('refuses staff who are neither the manager nor in charge', async () => {
    // The previous assignee no longer has the contract.
    const current = sql<{ staff_id: string }>(
      'SELECT staff_id FROM contracts WHERE id = ?',
      stuck.id,
    )[0]!.staff_id
    const outsider = staffRows.find((s) => s.role === 'staff' && s.id !== current)!
    await signIn(outsider.id)
    const result = await dispatch(core.handlers, 'contracts:reassign', {
      contractId: stuck.id,
      staffId: outsider.id,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'request_refused' } })
    if (!result.ok) expect(result.error.message).toMatch(/支店長.* \/ .*manager/)
    expect(
      sql<{ staff_id: string }>('SELECT staff_id FROM contracts WHERE id = ?', stuck.id)[0]!
        .staff_id,
    ).toBe(current)
  })

  it('lets a manager reassign, but only to an active staff member', async () => {
    const manager = staffRows.find((s) => s.role === 'manager')!
    await signIn(manager.id)
    core.database.sqlite.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(stuck.staff_id)
    try {
      const refused = await dispatch(core.handlers, 'contracts:reassign', {
        contractId: stuck.id,
        staffId: stuck.staff_id,
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'request_refused' } })
      const unknown = await dispatch(core.handlers, 'contracts:reassign', {
        contractId: stuck.id,
        staffId: 'st-nobody',
      })
      expect(unknown).toMatchObject({ ok: false, error: { code: 'request_refused' } })
    } finally {
      core.database.sqlite.prepare('UPDATE staff SET active = 1 WHERE id = ?').run(stuck.staff_id)
    }
    expect(
      await dispatch(core.handlers, 'contracts:reassign', {
        contractId: stuck.id,
        staffId: stuck.staff_id,
      }),
    ).toMatchObject({ ok: true, value: { staff: { id: stuck.staff_id } } })
  })
})

describe('the merged timeline', () => {
  it('shows reissue requests once, with the outbox state, among the other entries newest first', async () => {
    await signIn(stuck.staff_id)
    const [flowA] = sql<{ id: number }>(
      `SELECT c.id FROM contracts c JOIN clients cl ON cl.id = c.client_id
       WHERE c.flow = 'A' AND c.renewal_status IN ('not_started', 'in_progress')
         AND cl.email IS NOT NULL AND c.id != ? ORDER BY c.id LIMIT 1`,
      stuck.id,
    )
    const id = flowA!.id
    await call('reissues:request', {
      contractId: id,
      kind: 'password',
      reason: '未着の連絡',
      requestedBy: stuck.staff_id,
    })
    await call('notes:add', { contractId: id, body: '再発行を案内' })
    const { timeline } = await call<ContractDetail>('contracts:get', { id })
    const outbox = timeline.filter((e) => e.key.startsWith('outbox-'))
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({
      label: 'reissueRequested',
      source: 'staff',
      outboxState: 'queued',
      params: { reissueKind: 'password', emailCorrected: false },
    })
    // The outbox's own "queued" event would say the same thing twice.
    expect(timeline.filter((e) => e.params.reissueKind === 'password')).toHaveLength(1)
    expect(timeline[0]?.label).toBe('note')
    const times = timeline.map((e) => Date.parse(e.at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(new Set(timeline.map((e) => e.key)).size).toBe(timeline.length)
  })
})
