import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ParsedInputOf } from '../../../electron/common/api/contract'
import type { ContractFilters } from '../../../electron/common/api/contract-filters'
import { contractUrgency } from '../../../electron/common/domain/insurer-rules'
import { dispatch } from '../../../electron/main/core/api/dispatch'
import { filterWhere } from '../../../db/queries/contract-filters'
import { compileContractListQuery } from '../../../db/queries/contracts'
import { startTestCore, type TestCore } from '../../support/test-core'

let core: TestCore
const NOW = Date.parse('2026-11-23T10:00:00+09:00')

/** Everything a filter looks at, read straight from the tables: the reference in JS. */
interface Facts {
  id: number
  insurer_id: string
  branch_id: string | null
  staff_id: string | null
  maturity_date: string
  web_cutoff_at: number
  renewal_status: 'not_started' | 'in_progress' | 'renewed' | 'lapsed' | 'cancelled'
  flow: 'A' | 'B'
  step: string
  id_mail_status: string
  password_mail_status: string
  mypage_status: string
  outbox: string | null
}
let facts: Facts[]

beforeAll(async () => {
  core = await startTestCore({
    now: () => new Date(NOW),
    book: { contracts: 700, seed: 3, now: NOW, tombstoneEvery: 50 },
  })
  const { sqlite } = core.database
  // A few outbox rows in each interesting state.
  const staff = sqlite.prepare('SELECT id FROM staff LIMIT 1').pluck().get() as string
  const addOutbox = sqlite.prepare(
    `INSERT INTO reissue_outbox (contract_id, kind, reason, requested_by, requested_at,
       idempotency_key, state, updated_at) VALUES (?, 'password', 'test', ?, ?, ?, ?, ?)`,
  )
  ;[
    [3, 'queued'],
    [4, 'failed'],
    [5, 'needs_confirmation'],
    [6, 'completed'],
    [7, 'outcome_unknown'],
  ].forEach(([id, state]) => addOutbox.run(id, staff, NOW, `k${id}`, state, NOW))
  facts = sqlite
    .prepare(
      `SELECT c.id, c.insurer_id, c.branch_id, c.staff_id, c.maturity_date, c.web_cutoff_at,
              c.renewal_status, c.flow, p.step, m.id_mail_status, m.password_mail_status,
              m.mypage_status,
              (SELECT group_concat(state) FROM reissue_outbox o WHERE o.contract_id = c.id) AS outbox
       FROM contracts c JOIN renewal_progress p ON p.contract_id = c.id
       JOIN credential_mail_state m ON m.contract_id = c.id
       WHERE c.deleted_at IS NULL`,
    )
    .all() as Facts[]
}, 60_000)

afterAll(async () => {
  await core.stop()
})

type ListInput = ParsedInputOf<'contracts:list'>

async function allIds(
  filters: ContractFilters,
  sort: ListInput['sort'] = { key: 'cutoff', direction: 'asc' },
) {
  const ids: number[] = []
  let after: string | undefined
  for (let i = 0; i < 50; i++) {
    const page = await core.handlers['contracts:list']({
      sort,
      offset: 0,
      limit: 37,
      filters,
      ...(after ? { after } : {}),
    })
    ids.push(...page.rows.map((r) => r.id))
    if (!page.nextCursor) break
    after = page.nextCursor
  }
  const { total } = await core.handlers['contracts:count']({ filters })
  return { ids, total }
}

const pending = ['queued', 'sending', 'outcome_unknown']
const failed = ['failed', 'needs_confirmation']
const mailOf = (f: Facts) => ({
  id_not_sent: f.id_mail_status === 'not_sent',
  awaiting_password:
    ['sent', 'delivered'].includes(f.id_mail_status) &&
    ['not_sent', 'sent'].includes(f.password_mail_status),
  password_delivered: f.password_mail_status === 'delivered',
  bounced: f.id_mail_status === 'bounced' || f.password_mail_status === 'bounced',
  suppressed_existing: f.password_mail_status === 'suppressed_existing',
})

const someFacts = () => facts[10]!
const cases: [string, () => ContractFilters, (f: Facts) => boolean][] = [
  [
    'insurer',
    () => ({ insurer: [someFacts().insurer_id] }),
    (f) => f.insurer_id === someFacts().insurer_id,
  ],
  [
    'branch',
    () => ({ branch: [someFacts().branch_id!] }),
    (f) => f.branch_id === someFacts().branch_id,
  ],
  ['staff', () => ({ staff: [someFacts().staff_id!] }), (f) => f.staff_id === someFacts().staff_id],
  [
    'maturity range',
    () => ({ maturityFrom: '2026-12-10', maturityTo: '2027-01-15' }),
    (f) => f.maturity_date >= '2026-12-10' && f.maturity_date <= '2027-01-15',
  ],
  [
    'urgency d3 + d7',
    () => ({ urgency: ['d3', 'd7'] }),
    (f) =>
      ['d3', 'd7'].includes(
        contractUrgency(new Date(NOW), new Date(f.web_cutoff_at), f.renewal_status) ?? '',
      ),
  ],
  [
    'urgency closed',
    () => ({ urgency: ['closed'] }),
    (f) => contractUrgency(new Date(NOW), new Date(f.web_cutoff_at), f.renewal_status) === 'closed',
  ],
  ['flow B', () => ({ flow: 'B' }), (f) => f.flow === 'B'],
  [
    'step',
    () => ({ step: ['a2_login', 'b2_provisional'] }),
    (f) => ['a2_login', 'b2_provisional'].includes(f.step),
  ],
  ['mail bounced', () => ({ mail: ['bounced'] }), (f) => mailOf(f).bounced],
  [
    'mail awaiting password or id not sent',
    () => ({ mail: ['awaiting_password', 'id_not_sent'] }),
    (f) => mailOf(f).awaiting_password || mailOf(f).id_not_sent,
  ],
  [
    'registration',
    () => ({ registration: ['expired', 'mismatch'] }),
    (f) => ['expired', 'mismatch'].includes(f.mypage_status),
  ],
  [
    'outbox pending',
    () => ({ outbox: 'pending' }),
    (f) => (f.outbox ?? '').split(',').some((s) => pending.includes(s)),
  ],
  [
    'outbox failed',
    () => ({ outbox: 'failed' }),
    (f) => (f.outbox ?? '').split(',').some((s) => failed.includes(s)),
  ],
  ['outbox none', () => ({ outbox: 'none' }), (f) => f.outbox === null],
  [
    'flow A + urgency ≤14 days + registration not started',
    () => ({ flow: 'A', urgency: ['d3', 'd7', 'd14'], registration: ['not_started'] }),
    (f) =>
      f.flow === 'A' &&
      f.mypage_status === 'not_started' &&
      ['d3', 'd7', 'd14'].includes(
        contractUrgency(new Date(NOW), new Date(f.web_cutoff_at), f.renewal_status) ?? '',
      ),
  ],
]

describe('contract list filters', () => {
  it.each(cases)(
    '%s: the same contracts as the reference, counted and keyset-paged',
    async (_, make, keep) => {
      const expected = facts
        .filter(keep)
        .map((f) => f.id)
        .sort((a, b) => a - b)
      expect(expected.length).toBeGreaterThan(0)
      const { ids, total } = await allIds(make())
      expect(total).toBe(expected.length)
      expect(new Set(ids).size).toBe(ids.length)
      expect([...ids].sort((a, b) => a - b)).toEqual(expected)
    },
  )

  it('keyset pages equal offset pages in every sort, both directions', async () => {
    for (const key of ['maturity', 'cutoff', 'policyNumber', 'clientKana', 'step'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const filters: ContractFilters = { flow: 'A' }
        const { ids } = await allIds(filters, { key, direction })
        const byOffset = await core.handlers['contracts:list']({
          sort: { key, direction },
          offset: 0,
          limit: 500,
          filters,
        })
        expect(ids).toEqual(byOffset.rows.map((r) => r.id))
      }
    }
  })

  it('one staff member or branch in maturity order: read in order from an index, not sorted', async () => {
    const f = facts.find((x) => x.staff_id !== null && x.branch_id !== null)!
    const scopes: [ContractFilters, string][] = [
      [{ staff: [f.staff_id!] }, 'contracts_staff_maturity'],
      [{ branch: [f.branch_id!] }, 'contracts_branch_maturity'],
    ]
    for (const [filters, index] of scopes) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { key: 'maturity', direction } as const
        const { sql, parameters } = compileContractListQuery(core.database.db, {
          sort,
          offset: 0,
          limit: 200,
          where: filterWhere(filters, NOW),
        })
        const plan = core.database.sqlite
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...(parameters as unknown[])) as { detail: string }[]
        const details = plan.map((p) => p.detail)
        // The page's ids (the co-routine, listed before the outer query's SCAN page).
        const inner = details.slice(0, details.indexOf('SCAN page'))
        expect(inner.join(' | ')).toContain(`USING INDEX ${index} (`)
        expect(inner.join(' | ')).not.toContain('TEMP B-TREE')
        // And the rows still come in the order the reference gives.
        const { ids } = await allIds(filters, sort)
        const keep =
          'staff' in filters
            ? (x: Facts) => x.staff_id === f.staff_id
            : (x: Facts) => x.branch_id === f.branch_id
        const expected = facts
          .filter(keep)
          .sort((a, b) =>
            a.maturity_date === b.maturity_date
              ? a.id - b.id
              : a.maturity_date < b.maturity_date
                ? -1
                : 1,
          )
          .map((x) => x.id)
        expect(ids).toEqual(direction === 'asc' ? expected : expected.reverse())
      }
    }
  })

  it("'me' is the signed-in staff member; refused when nobody is signed in", async () => {
    const staffId = someFacts().staff_id!
    await expect(
      core.handlers['contracts:list']({
        sort: { key: 'cutoff', direction: 'asc' },
        offset: 0,
        limit: 5,
        filters: { staff: ['me'] },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
    await core.handlers['session:signIn']({ staffId })
    const mine = await core.handlers['contracts:list']({
      sort: { key: 'cutoff', direction: 'asc' },
      offset: 0,
      limit: 5,
      filters: { staff: ['me'] },
    })
    const counted = await core.handlers['contracts:count']({ filters: { staff: ['me'] } })
    expect(mine.rows.every((r) => r.staffName === mine.rows[0]?.staffName)).toBe(true)
    expect(counted.total).toBe(facts.filter((f) => f.staff_id === staffId).length)
    await core.handlers['session:signOut']({})
  })

  it.each([
    [{ filters: { urgency: ['d5'] } }, 'filters.urgency.0'],
    [{ filters: { flow: 'C' } }, 'filters.flow'],
    [{ filters: { maturityFrom: '2027-02-30' } }, 'filters.maturityFrom'],
    [{ filters: { maturityFrom: '2027-03-01', maturityTo: '2027-02-01' } }, 'filters.maturityTo'],
    [{ filters: { insurer: [] } }, 'filters.insurer'],
    [{ filters: { colour: 'red' } }, 'filters'],
    [{ filters: { outbox: 'sent' } }, 'filters.outbox'],
    [{ filters: { search: 'x'.repeat(101) } }, 'filters.search'],
    [{ after: 'abc', offset: 10 }, 'after'],
  ])('refuses %j with invalid_input naming %s', async (input, path) => {
    const result = await dispatch(core.handlers, 'contracts:list', input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.path).toBe(path)
  })

  it('refuses a cursor from another sort', async () => {
    const first = await core.handlers['contracts:list']({
      sort: { key: 'cutoff', direction: 'asc' },
      offset: 0,
      limit: 5,
      filters: {},
    })
    const result = await dispatch(core.handlers, 'contracts:list', {
      sort: { key: 'maturity', direction: 'asc' },
      after: first.nextCursor,
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid_input')
  })
})

describe('saved views', () => {
  it('are saved, replaced by name, listed and deleted per staff member', async () => {
    const [a, b] = core.database.sqlite
      .prepare('SELECT id FROM staff LIMIT 2')
      .pluck()
      .all() as string[]
    expect((await dispatch(core.handlers, 'views:list', {})).ok).toBe(false) // nobody signed in
    await core.handlers['session:signIn']({ staffId: a! })
    const saved = await core.handlers['views:save']({
      name: '今週の期限',
      filters: { urgency: ['d3', 'd7'], staff: ['me'] },
      sort: { key: 'cutoff', direction: 'asc' },
    })
    const replaced = await core.handlers['views:save']({
      name: '今週の期限',
      filters: { urgency: ['d3'] },
      sort: { key: 'maturity', direction: 'desc' },
    })
    expect(replaced.id).toBe(saved.id)
    expect((await core.handlers['views:list']({})).views).toEqual([
      expect.objectContaining({
        name: '今週の期限',
        filters: { urgency: ['d3'] },
        sort: { key: 'maturity', direction: 'desc' },
      }),
    ])
    await core.handlers['session:signIn']({ staffId: b! })
    expect((await core.handlers['views:list']({})).views).toEqual([])
    await expect(core.handlers['views:delete']({ id: saved.id })).rejects.toMatchObject({
      code: 'not_found',
    })
    await core.handlers['session:signIn']({ staffId: a! })
    await core.handlers['views:delete']({ id: saved.id })
    expect((await core.handlers['views:list']({})).views).toEqual([])
    const bad = await dispatch(core.handlers, 'views:save', {
      name: ' ',
      filters: {},
      sort: { key: 'cutoff', direction: 'asc' },
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.path).toBe('name')
    await core.handlers['session:signOut']({})
  })
})
