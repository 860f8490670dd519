import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTRACT_SORT_KEYS, type ContractSortKey } from '../../../electron/common/api/contract'
import { countLiveContracts, listContracts } from '../../../db/queries/contracts'
import { startTestCore, type TestCore } from '../../support/test-core'

let core: TestCore
const NOW = Date.parse('2026-11-23T10:00:00+09:00')

beforeAll(async () => {
  core = await startTestCore({
    // A few tombstoned: they must vanish from lists and counts.
    book: { contracts: 600, seed: 5, now: NOW, tombstoneEvery: 50 },
  })
})

afterAll(async () => {
  await core.stop()
})

type Row = ReturnType<typeof listContracts>[number]

/** The reference order, computed in JS from every live row. */
function sortKey(
  key: ContractSortKey,
  r: Row & { client_id_for_sort?: number },
): (string | number)[] {
  switch (key) {
    case 'maturity':
      return [r.maturity_date, r.id]
    case 'cutoff':
      return [r.web_cutoff_at, r.id]
    case 'policyNumber':
      return [r.policy_number, r.id]
    case 'clientKana':
      return [r.client_kana, r.client_id_for_sort ?? 0, r.id]
    case 'step':
      return [r.step ?? 'none', r.id]
  }
}

function compare(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1
    if (a[i]! > b[i]!) return 1
  }
  return 0
}

describe('contract list paging', () => {
  it('counts live contracts only', async () => {
    expect(await countLiveContracts(core.database.db)).toBe(600 - 12)
  })

  it.each(
    CONTRACT_SORT_KEYS.flatMap((key) => [
      [key, 'asc'],
      [key, 'desc'],
    ]) as [ContractSortKey, 'asc' | 'desc'][],
  )(
    'pages sorted by %s %s are complete, ordered and never repeat a row',
    async (key, direction) => {
      const pages: Row[] = []
      for (let offset = 0; offset < 700; offset += 97) {
        pages.push(
          ...listContracts(core.database, {
            sort: { key, direction },
            offset,
            limit: 97,
          }),
        )
      }
      expect(pages).toHaveLength(588)
      expect(new Set(pages.map((r) => r.id)).size).toBe(588)
      const clientOf = new Map(
        core.database.sqlite
          .prepare('SELECT id, client_id FROM contracts')
          .all()
          .map((r) => [(r as { id: number }).id, (r as { client_id: number }).client_id]),
      )
      const keyed = pages.map((r) => sortKey(key, { ...r, client_id_for_sort: clientOf.get(r.id) }))
      const sign = direction === 'asc' ? 1 : -1
      for (let i = 1; i < keyed.length; i++)
        expect(sign * compare(keyed[i - 1]!, keyed[i]!)).toBeLessThan(0)
    },
  )

  it('serves the list through the contract with urgency and JST cutoffs', async () => {
    const page = await core.handlers['contracts:list']({
      sort: { key: 'cutoff', direction: 'asc' },
      offset: 0,
      limit: 5,
      filters: {},
    })
    expect((await core.handlers['contracts:count']({ filters: {} })).total).toBe(588)
    expect(page.rows).toHaveLength(5)
    for (const row of page.rows) {
      expect(row.webCutoffAt).toMatch(/T23:55:00\+09:00$/)
      if (row.renewalStatus === 'renewed' || row.renewalStatus === 'lapsed')
        expect(row.urgency).toBeNull()
    }
  })
})
