import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CONTRACT_SORT_KEYS,
  type ContractSortKey,
  type ParsedInputOf,
} from '../../../electron/common/api/contract'
import type { ContractFilters } from '../../../electron/common/api/contract-filters'
import { RENEWAL_STEPS } from '../../../electron/common/domain/renewal'
import {
  MAX_WALK_ROWS_PER_PAGE_ROW,
  secondWalkRows,
} from '../../../electron/main/core/contracts/walked-page'
import { filterWhere, onlyChildStates, walkFilters } from '../../../db/queries/contract-filters'
import {
  compileContractListQuery,
  countFilteredQuery,
  listContracts,
} from '../../../db/queries/contracts'
import type * as ContractQueries from '../../../db/queries/contracts'
import { keysetIds as keysetPages, referenceIds } from '../../support/list-pages'
import { startTestCore, type TestCore } from '../../support/test-core'

// Every list statement the backend runs, seen: how far each walk went, or the set-based page.
vi.mock('../../../db/queries/contracts', async (importOriginal) => {
  const original = await importOriginal<typeof ContractQueries>()
  return { ...original, listContracts: vi.fn(original.listContracts) }
})

let core: TestCore
const NOW = Date.parse('2026-11-23T10:00:00+09:00')
/**
 * The only contracts in the 'mismatch' state: the 6 that mature last, so a walk by maturity
 * meets them only after every other contract, far beyond its bound.
 */
let mismatched: number[]
/** The only contracts with a wrong policy number: every 30th by maturity. */
let wrongPolicy: number[]

beforeAll(async () => {
  core = await startTestCore({
    now: () => new Date(NOW),
    book: { contracts: 1500, seed: 7, now: NOW, tombstoneEvery: 40 },
  })
  const { sqlite } = core.database
  sqlite
    .prepare(
      `UPDATE credential_mail_state SET mypage_status = 'expired'
       WHERE mypage_status IN ('mismatch', 'wrong_policy_number')`,
    )
    .run()
  const byMaturity = sqlite
    .prepare('SELECT id FROM contracts WHERE deleted_at IS NULL ORDER BY maturity_date, id')
    .pluck()
    .all() as number[]
  mismatched = byMaturity.slice(-6)
  wrongPolicy = byMaturity.slice(0, -6).filter((_, i) => (i + 1) % 30 === 0)
  const setState = sqlite.prepare(
    `UPDATE credential_mail_state SET mypage_status = ? WHERE contract_id = ?`,
  )
  for (const id of mismatched) setState.run('mismatch', id)
  for (const id of wrongPolicy) setState.run('wrong_policy_number', id)
}, 60_000)

afterAll(async () => {
  await core.stop()
})

// A block body: a function returned from beforeEach would be called after each test.
beforeEach(() => {
  vi.mocked(listContracts).mockClear()
})

type ListInput = ParsedInputOf<'contracts:list'>
type Sort = ListInput['sort']
const MATURITY: Sort = { key: 'maturity', direction: 'asc' }

const reference = (filters: ContractFilters, sort: Sort) => referenceIds(core, filters, sort, NOW)
const keysetIds = (filters: ContractFilters, sort: Sort, limit: number) =>
  keysetPages(core, filters, sort, limit, 100)

/**
 * The statements the backend ran: each walk by how many contracts it may take, or the
 * set-based page ('live ids' when it reads the compact index of live contracts), or the page
 * read from one state's index ('state index').
 */
const statements = () =>
  vi
    .mocked(listContracts)
    .mock.calls.map(
      ([, query]) =>
        query.walk?.rows ??
        (query.stateIndex ? 'state index' : query.fromLiveIds ? 'live ids' : 'set'),
    )
const walked = () => statements().filter((s) => typeof s === 'number')

/**
 * A second child-table state that every contract is in: with it a filter is no longer one
 * state alone (which its state index answers), so a page by date walks as any mixed filter.
 */
const ANY_STEP: ContractFilters = { step: [...RENEWAL_STEPS] }

const STATE_FILTERS: [string, ContractFilters][] = [
  ['registration problems', { registration: ['expired', 'wrong_policy_number'] }],
  ['mail bounced', { mail: ['bounced'] }],
  ['awaiting the password mail, flow A', { mail: ['awaiting_password'], flow: 'A' }],
  ['step: logged in', { step: ['a2_login', 'a3_procedure'] }],
  ['registration mismatch (6 contracts)', { registration: ['mismatch'] }],
]

describe('a list page of a child-table state, by a bounded walk of the sort index', () => {
  it.each(STATE_FILTERS)(
    '%s: every sort and direction, keyset pages equal the set-based reference',
    async (_, filters) => {
      let walks = 0
      for (const key of CONTRACT_SORT_KEYS) {
        for (const direction of ['asc', 'desc'] as const) {
          const sort = { key, direction }
          const expected = reference(filters, sort)
          expect(expected.length).toBeGreaterThan(0)
          expect(await keysetIds(filters, sort, 5)).toEqual(expected)
          walks += walked().length
        }
      }
      // The walk really ran (a step filter sorted by step never walks; other sorts do).
      expect(walks).toBeGreaterThan(0)
    },
  )

  // A page of 5: the first walk takes 125 contracts, the longest 250.
  const cases: [string, ContractFilters, (number | 'set' | 'live ids')[], () => number[]][] = [
    [
      'a dense state: the first walk fills the page',
      { registration: ['not_started', 'provisional', 'registered'], ...ANY_STEP },
      [125],
      () => reference({ registration: ['not_started', 'provisional', 'registered'] }, MATURITY),
    ],
    [
      // 4 in the first 125 (the 30th … 120th): 5 need 1.25 × 5 × 125 / 4 = 196 contracts.
      'a state 1 in 30: the first walk finds 4, a second of 196 fills the page',
      { registration: ['wrong_policy_number'], ...ANY_STEP },
      [125, 196],
      () => wrongPolicy,
    ],
    [
      'a state beyond the walk: none in the first walk, the set-based page follows',
      { registration: ['mismatch'], ...ANY_STEP },
      [125, 'live ids'],
      () => mismatched,
    ],
  ]
  it.each(cases)('%s', async (_, filters, expected, ids) => {
    const page = await core.handlers['contracts:list']({
      sort: MATURITY,
      offset: 0,
      limit: 5,
      filters,
    })
    expect(statements()).toEqual(expected)
    expect(page.rows.map((r) => r.id)).toEqual(ids().slice(0, 5))
  })

  it('offset pages, outbox states and a step filter sorted by step do not walk', async () => {
    const cases: [ContractFilters, Sort, number][] = [
      [{ mail: ['bounced'] }, { key: 'policyNumber', direction: 'asc' }, 5],
      [{ outbox: 'failed', mail: ['bounced'] }, { key: 'cutoff', direction: 'asc' }, 0],
      [{ step: ['a2_login'] }, { key: 'step', direction: 'asc' }, 0],
      [{ flow: 'B' }, { key: 'cutoff', direction: 'asc' }, 0],
    ]
    for (const [filters, sort, offset] of cases) {
      vi.mocked(listContracts).mockClear()
      await core.handlers['contracts:list']({ sort, offset, limit: 5, filters })
      expect(statements()).toEqual(['set'])
    }
  })

  it('the walk reads the sort index in order: no sort step, in any sort or direction', () => {
    const filters: ContractFilters = { mail: ['bounced'] }
    for (const key of CONTRACT_SORT_KEYS) {
      for (const direction of ['asc', 'desc'] as const) {
        const walk = walkFilters(filters, NOW, key)!
        const { sql, parameters } = compileContractListQuery(core.database.db, {
          sort: { key, direction },
          offset: 0,
          limit: 200,
          where: walk.where,
          walk: { probes: walk.probes, rows: 200 * MAX_WALK_ROWS_PER_PAGE_ROW },
        })
        const plan = core.database.sqlite
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...(parameters as unknown[])) as { detail: string }[]
        const details = plan.map((p) => p.detail)
        // The page's ids (the co-routine, listed before the outer query's SCAN page).
        const inner = details.slice(0, details.indexOf('SCAN page')).join(' | ')
        // A sort would read all the walk's contracts before the first row: the bound's cost
        // on every page, not only on a short one.
        expect(inner, `${key} ${direction}`).not.toContain('TEMP B-TREE')
        expect(inner).toContain('CO-ROUTINE c |')
        expect(inner).toContain('SEARCH m USING INTEGER PRIMARY KEY')
      }
    }
  })
})

/** The plan of phase one (the page's ids), before the outer query's SCAN page. */
function innerPlan(sql: string, parameters: readonly unknown[]): string {
  const plan = core.database.sqlite
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...(parameters as unknown[])) as { detail: string }[]
  const details = plan.map((p) => p.detail)
  const end = details.indexOf('SCAN page')
  return details.slice(0, end < 0 ? undefined : end).join(' | ')
}

describe('child-table states only, from their sets: through the compact index of live ids', () => {
  // Sparse where every page starts (the 6 mismatched contracts mature last), so each keyset
  // page falls back to the set-based page. States of two tables: no one state index holds
  // them (one state alone: see the next suite).
  const SPARSE: ContractFilters[] = [
    { registration: ['mismatch'], ...ANY_STEP },
    { registration: ['mismatch'], step: ['none'] },
  ]

  it('sorted by cutoff or maturity, both ways, keyset pages equal the reference', async () => {
    for (const filters of SPARSE) {
      for (const key of ['cutoff', 'maturity'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          vi.mocked(listContracts).mockClear()
          const sort = { key, direction }
          const expected = reference(filters, sort)
          expect(expected.length).toBeGreaterThan(0)
          expect(await keysetIds(filters, sort, 2), `${key} ${direction}`).toEqual(expected)
          expect(statements()).toContain('live ids')
          expect(statements()).not.toContain('set')
        }
      }
    }
  })

  it('not with a filter on the contract row, another sort, or an offset page', async () => {
    const cases: [ContractFilters, Sort, number, string][] = [
      [{ registration: ['mismatch'], flow: 'A' }, MATURITY, 0, 'a row filter'],
      [{ registration: ['mismatch'] }, { key: 'policyNumber', direction: 'asc' }, 0, 'sort'],
      [{ registration: ['mismatch'], ...ANY_STEP }, MATURITY, 2, 'an offset page'],
    ]
    for (const [filters, sort, offset, why] of cases) {
      vi.mocked(listContracts).mockClear()
      await core.handlers['contracts:list']({ sort, offset, limit: 5, filters })
      expect(statements(), why).toContain('set')
      expect(statements(), why).not.toContain('live ids')
    }
  })

  it('the page reads the index, not the contracts table', () => {
    for (const key of ['cutoff', 'maturity'] as const) {
      const { sql, parameters } = compileContractListQuery(core.database.db, {
        sort: { key, direction: 'desc' },
        offset: 0,
        limit: 200,
        where: filterWhere({ mail: ['bounced'] }, NOW),
        fromLiveIds: true,
      })
      const inner = innerPlan(sql, parameters)
      expect(inner, key).toContain('SEARCH c USING INDEX contracts_live_ids (id=?)')
      expect(inner, key).not.toContain('SEARCH c USING INTEGER PRIMARY KEY')
    }
  })

  const COUNTED: ContractFilters[] = [
    { registration: ['expired', 'wrong_policy_number'] },
    { mail: ['bounced'] },
    { step: ['a2_login', 'a3_procedure'] },
    { registration: ['mismatch'], step: ['none'] },
    { mail: ['awaiting_password'], flow: 'A' },
    { flow: 'B' },
  ]
  it.each(COUNTED)('counts %j as the plain count does', async (filters) => {
    const where = filterWhere(filters, NOW)
    const { sql, parameters } = countFilteredQuery(where).compile(core.database.db)
    const plain = core.database.sqlite.prepare(sql).get(...(parameters as unknown[])) as {
      n: number
    }
    expect(plain.n).toBeGreaterThan(0)
    const counted = await core.handlers['contracts:count']({ filters })
    expect(counted).toEqual({ total: plain.n, totalCapped: false })
  })

  it('a count of child-table states only reads the index; with a row filter it does not', () => {
    const plan = (filters: ContractFilters) => {
      const { sql, parameters } = countFilteredQuery(
        filterWhere(filters, NOW),
        onlyChildStates(filters),
      ).compile(core.database.db)
      return innerPlan(sql, parameters)
    }
    expect(plan({ mail: ['bounced'] })).toContain('contracts_live_ids')
    expect(plan({ mail: ['bounced'], flow: 'A' })).not.toContain('contracts_live_ids')
  })
})

describe('onlyChildStates', () => {
  it('true for states kept in child tables, false once the contract row is filtered', () => {
    expect(onlyChildStates({ mail: ['bounced'] })).toBe(true)
    expect(onlyChildStates({ step: ['a2_login'], outbox: 'pending' })).toBe(true)
    expect(onlyChildStates({})).toBe(false)
    expect(onlyChildStates({ outbox: 'none' })).toBe(false)
    expect(onlyChildStates({ mail: ['bounced'], urgency: ['d3'] })).toBe(false)
  })
})

describe('walkFilters', () => {
  it('none without a child-table state', () => {
    expect(walkFilters({ flow: 'A', staff: ['s1'], outbox: 'none' }, NOW, 'cutoff')).toBeNull()
  })
  it.each(['maturity', 'cutoff', 'policyNumber', 'clientKana'] as ContractSortKey[])(
    'a step filter sorted by %s walks',
    (key) => {
      expect(walkFilters({ step: ['a2_login'] }, NOW, key)).not.toBeNull()
    },
  )
})

describe('secondWalkRows', () => {
  it('walks on only as far as the first walk says the page needs, with a margin', () => {
    // 200 a page, 2,000 walked: 100 found (5%) → 1.25 × 200 / 5% = 5,000.
    expect(secondWalkRows(200, 2000, 100)).toBe(5000)
    expect(secondWalkRows(200, 2000, 199)).toBe(2513)
  })
  it('none when nothing was found or the page needs more than the bound', () => {
    expect(secondWalkRows(200, 2000, 0)).toBeNull()
    // 1.25 × 200 × 2,000 / 49 = 10,205 > 10,000.
    expect(secondWalkRows(200, 2000, 49)).toBeNull()
    expect(secondWalkRows(200, 2000, 50)).toBe(10_000)
  })
})
