import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TriageList, TriageRow } from '../../../electron/common/api/triage-schemas'
import {
  isDeadlineReason,
  nextAction,
  reasonText,
  stuckReasons,
} from '../../../electron/common/domain/stuck-reasons'
import {
  TRIAGE_CATEGORIES,
  TRIAGE_CATEGORY_CODES,
  type TriageCategory,
} from '../../../electron/common/domain/triage-categories'
import { dispatch } from '../../../electron/main/core/api/dispatch'
import {
  triageCountsSql,
  triageRowsSql,
} from '../../../electron/main/core/workspace/triage/triage-candidates'
import { readWebState } from '../../../electron/main/core/workspace/web-state-rows'
import { startTestCore, type TestCore } from '../../support/test-core'

/** The demo book's own clock: every scenario sits where the generator put it. */
const NOW = new Date('2026-11-23T10:00:00+09:00')
const ISO_JST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/

/** Moved only by the cache test, which puts it back. */
let clock = NOW
let core: TestCore

beforeAll(async () => {
  core = await startTestCore({
    seedDemoWhenEmpty: true,
    now: () => clock,
  })
})
afterAll(async () => {
  await core.stop()
})

async function triage(input: Record<string, unknown>): Promise<TriageList> {
  const result = await dispatch(core.handlers, 'triage:list', input)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as TriageList
}

async function everyRow(scope: 'mine' | 'branch' | 'all') {
  const byCategory = {} as Record<TriageCategory, TriageList>
  for (const category of TRIAGE_CATEGORIES)
    byCategory[category] = await triage({ scope, category, limit: 1000 })
  return byCategory
}

function staffOf(contractId: number): { staff_id: string | null; branch_id: string | null } {
  return core.database.sqlite
    .prepare('SELECT staff_id, branch_id FROM contracts WHERE id = ?')
    .get(contractId) as { staff_id: string | null; branch_id: string | null }
}

describe('triage:list on the demo book', () => {
  it('finds every kind of credential trouble, and its counts match its rows', async () => {
    const all = await everyRow('all')
    for (const category of TRIAGE_CATEGORIES) {
      const list = all[category]
      expect(list.category).toBe(category)
      expect(list.counts[category], category).toBeGreaterThan(0)
      expect(list.rows.length, category).toBe(list.counts[category])
      expect(list.asOf).toBe('2026-11-23T10:00:00+09:00')
    }
  })

  it('words each row exactly as the stuck-reason rules do, from the contract state', async () => {
    const all = await everyRow('all')
    for (const category of TRIAGE_CATEGORIES) {
      for (const row of all[category].rows) {
        expect(TRIAGE_CATEGORY_CODES[category]).toContain(row.reasonCode)
        const state = readWebState(core.database.sqlite, row.contractId)
        if (!state) throw new Error(`contract ${row.contractId} vanished`)
        const reasons = stuckReasons(state, NOW)
        const reason = reasons.find((r) => r.code === row.reasonCode)
        if (!reason) throw new Error(`${row.reasonCode} not found again`)
        expect(row.reason).toEqual({ ja: reasonText(reason, 'ja'), en: reasonText(reason, 'en') })
        expect(row.nextAction).toEqual({
          ja: nextAction(reason, 'ja'),
          en: nextAction(reason, 'en'),
        })
        const deadline = reasons.find(isDeadlineReason)
        expect(row.deadline).toEqual(
          deadline ? { ja: reasonText(deadline, 'ja'), en: reasonText(deadline, 'en') } : null,
        )
        expect(row.webCutoffAt).toMatch(ISO_JST)
        if (row.since !== null) {
          expect(row.since).toMatch(ISO_JST)
          // The ISO text drops milliseconds; the duration keeps them.
          const elapsed = NOW.getTime() - Date.parse(row.since)
          expect(Math.abs((row.elapsedMs ?? 0) - elapsed)).toBeLessThan(1000)
        }
        expect(row.clientName.length).toBeGreaterThan(0)
        expect(row.policyNumber.length).toBeGreaterThan(0)
      }
    }
  })

  it('lists open web windows by nearest cutoff, then the closed ones, then the longest stuck', async () => {
    const { rows } = await triage({ scope: 'all', category: 'bounced', limit: 1000 })
    const closed = (r: TriageRow) => (Date.parse(r.webCutoffAt) <= NOW.getTime() ? 1 : 0)
    expect(new Set(rows.map(closed)).size, 'both open and closed windows in the demo').toBe(2)
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!]
      expect(Boolean(b.deadline) || closed(b) === 0).toBe(true)
      const order =
        closed(a) - closed(b) ||
        Date.parse(a.webCutoffAt) - Date.parse(b.webCutoffAt) ||
        Date.parse(a.since ?? '9999-12-31') - Date.parse(b.since ?? '9999-12-31')
      expect(order).toBeLessThanOrEqual(0)
    }
  })

  it('says what to tell a client whose carrier filter bounced the mail, and which field did not match', async () => {
    const bounced = (await triage({ scope: 'all', category: 'bounced', limit: 1000 })).rows
    const carrier = bounced.find((r) => r.reason.ja.includes('携帯キャリアの受信拒否'))
    expect(carrier, 'a carrier-filter bounce in the demo book').toBeDefined()
    expect(carrier?.nextAction.ja).toContain('ドメイン')
    expect(carrier?.nextAction.en).toContain("insurer's domain")

    const mismatch = (await triage({ scope: 'all', category: 'registration_mismatch' })).rows
    expect(mismatch.length).toBeGreaterThan(0)
    for (const row of mismatch)
      expect(row.reason.ja).toMatch(/本人情報の不一致（(氏名|住所|生年月日|電話番号)）/)
  })

  it('without a category, answers with the first group that has rows; limit caps the rows only', async () => {
    const list = await triage({ scope: 'all', limit: 3 })
    const first = TRIAGE_CATEGORIES.find((c) => list.counts[c] > 0)
    expect(list.category).toBe(first)
    expect(list.rows).toHaveLength(3)
    expect(list.counts[list.category]).toBeGreaterThan(3)
  })

  it('narrows to my contracts and my branch once signed in, and refuses them before', async () => {
    const refused = await dispatch(core.handlers, 'triage:list', { scope: 'mine' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } })

    const me = core.database.sqlite
      .prepare(
        `SELECT s.id, s.branch_id FROM staff s JOIN contracts c ON c.staff_id = s.id
        GROUP BY s.id ORDER BY count(*) DESC LIMIT 1`,
      )
      .get() as { id: string; branch_id: string }
    await dispatch(core.handlers, 'session:signIn', { staffId: me.id })
    try {
      const [all, branch, mine] = [
        await everyRow('all'),
        await everyRow('branch'),
        await everyRow('mine'),
      ]
      let mineTotal = 0
      for (const category of TRIAGE_CATEGORIES) {
        const ids = (list: TriageList) => list.rows.map((r) => r.contractId).sort((a, b) => a - b)
        const expectedMine = ids(all[category]).filter((id) => staffOf(id).staff_id === me.id)
        const expectedBranch = ids(all[category]).filter(
          (id) => staffOf(id).branch_id === me.branch_id,
        )
        expect(ids(mine[category]), category).toEqual(expectedMine)
        expect(ids(branch[category]), category).toEqual(expectedBranch)
        expect(mine[category].counts[category]).toBe(expectedMine.length)
        expect(branch[category].counts[category]).toBe(expectedBranch.length)
        mineTotal += expectedMine.length
      }
      expect(mineTotal, 'the busiest staff member has some trouble to triage').toBeGreaterThan(0)
      const branchTotal = TRIAGE_CATEGORIES.reduce((n, c) => n + branch[c].counts[c], 0)
      const allTotal = TRIAGE_CATEGORIES.reduce((n, c) => n + all[c].counts[c], 0)
      expect(branchTotal).toBeGreaterThan(mineTotal)
      expect(allTotal).toBeGreaterThan(branchTotal)
    } finally {
      await dispatch(core.handlers, 'session:signOut', {})
    }
  })

  it('answers for the clock it is asked at: a contract joins its group at the stored instant', async () => {
    const next = core.database.sqlite
      .prepare(
        `SELECT triage_category AS category, triage_from AS at FROM contracts
         WHERE deleted_at IS NULL AND renewal_status IN ('not_started', 'in_progress')
           AND triage_from > ? ORDER BY triage_from LIMIT 1`,
      )
      .get(NOW.getTime()) as { category: TriageCategory; at: number } | undefined
    if (!next) throw new Error('the demo book has nobody who becomes stuck later')
    const joining = core.database.sqlite
      .prepare(
        `SELECT count(*) FROM contracts
         WHERE deleted_at IS NULL AND renewal_status IN ('not_started', 'in_progress')
           AND triage_category = ? AND triage_from > ? AND triage_from <= ?`,
      )
      .pluck()
      .get(next.category, NOW.getTime(), next.at) as number
    const before = await triage({ scope: 'all', category: next.category, limit: 1000 })
    try {
      clock = new Date(next.at - 1)
      const justBefore = await triage({ scope: 'all', category: next.category, limit: 1000 })
      expect(justBefore.counts[next.category]).toBe(before.counts[next.category])
      clock = new Date(next.at)
      const after = await triage({ scope: 'all', category: next.category, limit: 1000 })
      expect(after.counts[next.category]).toBe(before.counts[next.category] + joining)
      expect(after.rows).toHaveLength(after.counts[next.category])
    } finally {
      clock = NOW
    }
  })

  it('refuses an unknown category or scope with the field named', async () => {
    const result = await dispatch(core.handlers, 'triage:list', { scope: 'all', category: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'category' } })
  })

  it('counts and lists from the triage index of each scope alone, reading no contract rows', () => {
    const params = {
      now: NOW.getTime(),
      category: 'bounced',
      limit: 10,
      staffId: 'x',
      branchId: 'y',
    }
    // Only the parameters each statement names: better-sqlite3 refuses the others.
    for (const [scope, index] of [
      ['mine', 'staff'],
      ['branch', 'branch'],
      ['all', 'all'],
    ] as const) {
      for (const sql of [triageCountsSql(scope), triageRowsSql(scope)]) {
        const plan = core.database.sqlite
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`))))
        expect((plan as { detail: string }[])[0]?.detail, `${scope}: ${sql}`).toMatch(
          new RegExp(`^SEARCH c USING COVERING INDEX contracts_triage_${index} `),
        )
      }
    }
  })
})
