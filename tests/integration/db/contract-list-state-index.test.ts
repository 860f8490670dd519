import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAIL_FILTERS, type ContractFilters } from '../../../electron/common/api/contract-filters'
import { MYPAGE_STATUSES } from '../../../electron/common/domain/renewal'
import {
  filterWhere,
  MAIL_FILTER_PROBES,
  mailStatusPairs,
  stateIndexScan,
  type MailTableLead,
} from '../../../db/queries/contract-filters'
import {
  compileContractListQuery,
  countFilteredQuery,
  countStateIndexQuery,
  listContracts,
} from '../../../db/queries/contracts'
import { mailTableLead } from '../../../electron/main/core/contracts/list-contracts'
import type * as ContractQueries from '../../../db/queries/contracts'
import { keysetIds, referenceIds, type ListSort as Sort } from '../../support/list-pages'
import { startTestCore, type TestCore } from '../../support/test-core'
import { staleCopies } from '../../support/state-copies'

// Every list statement the backend runs, seen: whether it read a state's index.
vi.mock('../../../db/queries/contracts', async (importOriginal) => {
  const original = await importOriginal<typeof ContractQueries>()
  return { ...original, listContracts: vi.fn(original.listContracts) }
})

let core: TestCore
const NOW = Date.parse('2026-11-23T10:00:00+09:00')

beforeAll(async () => {
  core = await startTestCore({
    now: () => new Date(NOW),
    book: { contracts: 1200, seed: 11, now: NOW, tombstoneEvery: 25 },
  })
  const { sqlite } = core.database
  // After the children were written, as sync does: dates move, clients' kana change (to the
  // front of the order), one tombstone comes back.
  sqlite.exec(`UPDATE contracts SET maturity_date = '2027-01-15', web_cutoff_at = web_cutoff_at + 1
    WHERE id % 7 = 0`)
  sqlite.exec(`UPDATE clients SET name_kana = 'ア' || name_kana WHERE id % 11 = 0`)
  sqlite.exec('UPDATE contracts SET deleted_at = NULL WHERE id = 50')
}, 60_000)

afterAll(async () => {
  await core.stop()
})

beforeEach(() => {
  vi.mocked(listContracts).mockClear()
})

const reference = (filters: ContractFilters, sort: Sort) => referenceIds(core, filters, sort, NOW)

async function page(filters: ContractFilters, sort: Sort, offset: number, after?: string) {
  return core.handlers['contracts:list']({
    sort,
    offset,
    limit: 7,
    filters,
    ...(after ? { after } : {}),
  })
}

const fromStateIndex = () =>
  vi.mocked(listContracts).mock.calls.map(([, query]) => query.stateIndex !== undefined)

const ONE_STATE: [string, ContractFilters][] = [
  ['registration problems', { registration: ['expired', 'mismatch', 'wrong_policy_number'] }],
  ['wrong policy number', { registration: ['wrong_policy_number'] }],
  ['mail bounced', { mail: ['bounced'] }],
  ['awaiting the password mail', { mail: ['awaiting_password'] }],
  ['logged in or in the procedure', { step: ['a2_login', 'a3_procedure'] }],
]

const INDEXED_SORTS: Sort[] = [
  { key: 'cutoff', direction: 'asc' },
  { key: 'cutoff', direction: 'desc' },
  { key: 'maturity', direction: 'asc' },
  { key: 'maturity', direction: 'desc' },
  { key: 'clientKana', direction: 'asc' },
  { key: 'clientKana', direction: 'desc' },
]
/** Each sort's index name suffix (migration 0013). */
const SUFFIX = { cutoff: 'cutoff', maturity: 'maturity', clientKana: 'kana' } as const

describe('one child-table state alone, by cutoff, maturity or kana: read from its index (migration 0013)', () => {
  it.each(ONE_STATE)('%s: keyset pages equal the reference, each from the index', async (_, f) => {
    for (const sort of INDEXED_SORTS) {
      vi.mocked(listContracts).mockClear()
      const expected = reference(f, sort)
      expect(expected.length).toBeGreaterThan(7)
      expect(await keysetIds(core, f, sort, 7), `${sort.key} ${sort.direction}`).toEqual(expected)
      expect(new Set(fromStateIndex())).toEqual(new Set([true]))
    }
  })

  it.each(ONE_STATE)('%s: offset pages equal the reference', async (_, f) => {
    for (const sort of INDEXED_SORTS) {
      const expected = reference(f, sort)
      for (const offset of [0, 3, expected.length - 4]) {
        const ids = (await page(f, sort, offset)).rows.map((r) => r.id)
        expect(ids, `${sort.key} ${sort.direction} @${offset}`).toEqual(
          expected.slice(offset, offset + 7),
        )
      }
    }
  })

  it.each(ONE_STATE)('%s: counted from the index as the plain count', async (_, f) => {
    const plain = reference(f, { key: 'cutoff', direction: 'asc' }).length
    const { sql, parameters } = countStateIndexQuery(stateIndexScan(f)!).compile(core.database.db)
    const plan = core.database.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(parameters as unknown[])) as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(
      /SEARCH s USING (COVERING )?INDEX \w+_state_by_cutoff/,
    )
    expect(await core.handlers['contracts:count']({ filters: f })).toEqual({
      total: plain,
      totalCapped: false,
    })
  })

  it('the page reads only the state index, never the contracts table, for its ids', () => {
    for (const [, f] of ONE_STATE) {
      for (const sort of INDEXED_SORTS) {
        const { sql, parameters } = compileContractListQuery(core.database.db, {
          sort,
          offset: 0,
          limit: 200,
          stateIndex: stateIndexScan(f)!,
        })
        const details = (
          core.database.sqlite
            .prepare(`EXPLAIN QUERY PLAN ${sql}`)
            .all(...(parameters as unknown[])) as {
            detail: string
          }[]
        ).map((p) => p.detail)
        const inner = details.slice(0, details.indexOf('SCAN page')).join(' | ')
        expect(inner, `${JSON.stringify(f)} ${sort.key}`).toMatch(
          new RegExp(
            `SEARCH s USING (COVERING )?INDEX \\w+_state_by_${SUFFIX[sort.key as keyof typeof SUFFIX]}`,
          ),
        )
        expect(inner).not.toContain('SEARCH c')
      }
    }
  })

  it('not for other sorts, a second state, a row filter or an outbox state', async () => {
    const cases: [ContractFilters, Sort][] = [
      [{ mail: ['bounced'] }, { key: 'policyNumber', direction: 'asc' }],
      [{ step: ['a2_login'] }, { key: 'step', direction: 'asc' }],
      [
        { mail: ['bounced'], registration: ['expired'] },
        { key: 'cutoff', direction: 'asc' },
      ],
      [
        { mail: ['bounced'], step: ['a1_credentials'] },
        { key: 'cutoff', direction: 'asc' },
      ],
      [
        { mail: ['bounced'], flow: 'A' },
        { key: 'cutoff', direction: 'asc' },
      ],
      [
        { mail: ['bounced'], outbox: 'none' },
        { key: 'cutoff', direction: 'asc' },
      ],
      // States most contracts rest in, which the indexes leave out: a walk fills their page.
      [{ registration: ['registered'] }, { key: 'cutoff', direction: 'asc' }],
      [{ mail: ['suppressed_existing'] }, { key: 'maturity', direction: 'desc' }],
      [{ step: ['none', 'a2_login'] }, { key: 'cutoff', direction: 'asc' }],
    ]
    for (const [f, sort] of cases) {
      vi.mocked(listContracts).mockClear()
      const ids = (await page(f, sort, 0)).rows.map((r) => r.id)
      expect(ids, JSON.stringify(f)).toEqual(reference(f, sort).slice(0, 7))
      expect(fromStateIndex(), JSON.stringify(f)).not.toContain(true)
    }
  })

  it('the copies on the child rows equal their contracts after seeding, moves, renames and tombstones', () => {
    expect(staleCopies(core.database.sqlite)).toEqual([])
  })
})

describe('mail and registration together: the smaller of the two leads their set', () => {
  const liveIn = (f: ContractFilters) => reference(f, { key: 'cutoff', direction: 'asc' }).length
  const countPlan = (f: ContractFilters, lead: MailTableLead) => {
    const { sql, parameters } = countFilteredQuery(filterWhere(f, NOW, lead), true).compile(
      core.database.db,
    )
    return (
      core.database.sqlite
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...(parameters as unknown[])) as {
        detail: string
      }[]
    )
      .map((p) => p.detail)
      .join(' | ')
  }
  const CASES: [ContractFilters, MailTableLead, ContractFilters, ContractFilters][] = [
    [
      { mail: ['bounced'], registration: ['not_started'] },
      'mail',
      { mail: ['bounced'] },
      { registration: ['not_started'] },
    ],
    [
      { mail: ['id_not_sent'], registration: ['mismatch'] },
      'registration',
      { registration: ['mismatch'] },
      { mail: ['id_not_sent'] },
    ],
  ]

  it.each(CASES)('%j: %s leads', async (f, lead, smaller, larger) => {
    // The book really has them so: else the case would prove nothing.
    expect(liveIn(smaller)).toBeLessThan(liveIn(larger))
    expect(await mailTableLead(core.database.db, f)).toBe(lead)
    const PLAIN_INDEX = { mail: 'credential_mail_statuses', registration: 'credential_mail_mypage' }
    expect(countPlan(f, lead)).toContain(`INDEX ${PLAIN_INDEX[lead]}`)
    // Led by the other, the `+` keeps this one's index out of the plan.
    const other = lead === 'mail' ? 'registration' : 'mail'
    expect(countPlan(f, other)).not.toContain(PLAIN_INDEX[lead])
    expect(await core.handlers['contracts:count']({ filters: f })).toEqual({
      total: liveIn(f),
      totalCapped: false,
    })
    for (const sort of INDEXED_SORTS) {
      expect(await keysetIds(core, f, sort, 7)).toEqual(reference(f, sort))
    }
  })

  it('none unless both are filtered', async () => {
    expect(await mailTableLead(core.database.db, { mail: ['bounced'] })).toBeUndefined()
    expect(await mailTableLead(core.database.db, { registration: ['expired'] })).toBeUndefined()
  })
})

describe('mailStatusPairs', () => {
  // The probes (the walk's form) hold for the same pairs as the lists (the sets' and the
  // indexes' form): every pair of statuses tried in SQLite.
  it.each(MAIL_FILTERS)('%s: the probe holds for exactly its pairs', (filter) => {
    const probe = sql`${MAIL_FILTER_PROBES[filter]}`.compile(core.database.db)
    const held = core.database.sqlite
      .prepare(
        `WITH ids(id) AS (VALUES ('not_sent'), ('sent'), ('delivered'), ('bounced')),
           passwords(password) AS (SELECT id FROM ids UNION ALL SELECT 'suppressed_existing'),
           m AS (SELECT id AS id_mail_status, password AS password_mail_status FROM ids, passwords)
         SELECT id_mail_status || '/' || password_mail_status FROM m WHERE ${probe.sql}`,
      )
      .pluck()
      .all(...(probe.parameters as unknown[])) as string[]
    expect(held.length).toBeGreaterThan(0)
    expect(mailStatusPairs([filter]).sort()).toEqual(held.sort())
  })

  it('several filters: the union of their pairs', () => {
    expect(mailStatusPairs(['bounced', 'id_not_sent']).sort()).toEqual(
      [...new Set([...mailStatusPairs(['bounced']), ...mailStatusPairs(['id_not_sent'])])].sort(),
    )
  })

  it('the generated column joins the two statuses as the pairs are written', () => {
    const row = core.database.sqlite
      .prepare(
        `SELECT id_mail_status || '/' || password_mail_status AS joined, mail_statuses
         FROM credential_mail_state LIMIT 1`,
      )
      .get() as { joined: string; mail_statuses: string }
    expect(row.mail_statuses).toBe(row.joined)
  })
})

describe('stateIndexScan', () => {
  it('names the state column and values of the one state filtered', () => {
    expect(stateIndexScan({ registration: ['expired'] })).toEqual({
      table: 'credential_mail_state',
      column: 'mypage_status',
      values: ['expired'],
      indexPrefix: 'registration',
    })
    expect(stateIndexScan({ step: ['a2_login'] })?.column).toBe('step')
    expect(stateIndexScan({ mail: ['bounced'] })?.values).toEqual(mailStatusPairs(['bounced']))
    const problems = MYPAGE_STATUSES.filter((v) => v !== 'not_started' && v !== 'registered')
    expect(stateIndexScan({ registration: problems })?.values).toEqual(problems)
  })
  it('none for no state, two states, a row filter or an outbox state', () => {
    expect(stateIndexScan({})).toBeNull()
    expect(stateIndexScan({ mail: ['bounced'], registration: ['expired'] })).toBeNull()
    expect(stateIndexScan({ mail: ['bounced'], step: ['none'] })).toBeNull()
    expect(stateIndexScan({ mail: ['bounced'], branch: ['b1'] })).toBeNull()
    expect(stateIndexScan({ mail: ['bounced'], outbox: 'pending' })).toBeNull()
    expect(stateIndexScan({ outbox: 'pending' })).toBeNull()
  })
  it('none when a value is a state the index leaves out', () => {
    expect(stateIndexScan({ registration: ['expired', 'not_started'] })).toBeNull()
    expect(stateIndexScan({ mail: ['id_not_sent'] })).toBeNull()
    expect(stateIndexScan({ mail: ['password_delivered'] })).toBeNull()
    expect(stateIndexScan({ step: ['a1_credentials'] })).toBeNull()
  })
})
