import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContractListRow, ParsedInputOf } from '../../../electron/common/api/contract'
import type { ContractFilters } from '../../../electron/common/api/contract-filters'
import {
  contractSearchKey,
  type SearchKeySource,
} from '../../../electron/common/domain/contract-search-key'
import { normaliseForSearch } from '../../../electron/common/domain/search-normalise'
import {
  prepareSearchKeyWriter,
  SEARCH_MATCH_CAP,
  searchMatchQuery,
  searchPlan,
} from '../../../db/queries/contract-search'
import { filterWhere } from '../../../db/queries/contract-filters'
import { compileContractListQuery } from '../../../db/queries/contracts'
import { startTestCore, type TestCore } from '../../support/test-core'
import { toHalfWidthKana, toHiragana } from '../../support/half-width-kana'

let core: TestCore
const NOW = Date.parse('2026-11-23T10:00:00+09:00')
const BOOK = 800

interface BookRow {
  id: number
  name_kanji: string
  name_kana: string
  named_insured_name: string
  named_insured_kana: string
  phone: string | null
  vehicle_plate: string
  policy_number: string
  deleted_at: number | null
}

let book: BookRow[]

/** A core on a fresh file with a generated book, one contract in 40 tombstoned. */
function seededCore(contracts: number, seed: number): Promise<TestCore> {
  return startTestCore({
    now: () => new Date(NOW),
    book: { contracts, seed, now: NOW, tombstoneEvery: 40 },
  })
}

beforeAll(async () => {
  core = await seededCore(BOOK, 11)
  book = core.database.sqlite
    .prepare(
      `SELECT c.id, cl.name_kanji, cl.name_kana, c.named_insured_name, c.named_insured_kana,
              cl.phone, c.vehicle_plate, c.policy_number, c.deleted_at
       FROM contracts c JOIN clients cl ON cl.id = c.client_id ORDER BY c.id`,
    )
    .all() as BookRow[]
}, 60_000)

afterAll(async () => {
  await core.stop()
})

type ListInput = ParsedInputOf<'contracts:list'>
const input = (over: Partial<ListInput> = {}): ListInput => ({
  sort: { key: 'cutoff', direction: 'asc' },
  offset: 0,
  limit: 500,
  filters: {},
  ...over,
})

async function list(over: Partial<ListInput>) {
  return core.handlers['contracts:list'](input(over))
}

async function count(filters: ContractFilters) {
  return core.handlers['contracts:count']({ filters })
}

/** Every match of a search, read through the contract in pages of 500. */
async function searchIds(search: string, filters: ContractFilters = {}): Promise<number[]> {
  const page = await list({ filters: { ...filters, search } })
  return page.rows.map((r) => r.id).sort((a, b) => a - b)
}

/** What a contract's search key is made of, from its book row. */
function keySource(r: BookRow): SearchKeySource {
  return {
    clientName: r.name_kanji,
    clientKana: r.name_kana,
    namedInsuredName: r.named_insured_name,
    namedInsuredKana: r.named_insured_kana,
    phone: r.phone,
    plate: r.vehicle_plate,
    policyNumber: r.policy_number,
  }
}

/** The reference: the same key, matched in JS over every live contract. */
function referenceIds(search: string, namesOnly: boolean): number[] {
  const q = normaliseForSearch(search)
  return book
    .filter((r) => r.deleted_at === null)
    .filter((r) => {
      const key = contractSearchKey(keySource(r))
      return (
        key.names.split(' ').some((p) => p.includes(q)) ||
        (!namesOnly && key.numbers.split(' ').some((p) => p.includes(q)))
      )
    })
    .map((r) => r.id)
}

describe('contract search', () => {
  it('finds a kanji name through its reading typed in half-width kana (ﾔﾏﾀﾞ → 山田)', async () => {
    const someone = book.find((r) => r.deleted_at === null && r.name_kana.includes('\u3000'))!
    const family = someone.name_kana.split('\u3000')[0]!
    const halfWidth = toHalfWidthKana(family)
    expect(halfWidth).not.toBe(family)
    const ids = await searchIds(halfWidth)
    expect(ids).toContain(someone.id)
    expect(ids).toEqual(referenceIds(family, [...family].length < 3))
    const row = (await list({ filters: { search: halfWidth } })).rows.find(
      (r) => r.id === someone.id,
    ) as ContractListRow
    expect(row.clientName).toBe(someone.name_kanji)
  })

  it('ignores hiragana/katakana and spaces (やまだ たろう finds ヤマダ タロウ)', async () => {
    const someone = book.find((r) => r.deleted_at === null)!
    const typed = toHiragana(someone.name_kana).replace('\u3000', ' ')
    expect(await searchIds(typed)).toContain(someone.id)
    expect(await searchIds(someone.name_kanji.replace('\u3000', ''))).toContain(someone.id)
  })

  it.each([1, 2])('answers %i-character queries from names', async (length) => {
    const someone = book.find((r) => r.deleted_at === null && r.name_kanji.length > 3)!
    const query = someone.name_kanji.slice(0, length)
    const ids = await searchIds(query)
    expect(ids).toContain(someone.id)
    const expected = referenceIds(query, true)
    expect(ids.length).toBe(Math.min(expected.length, SEARCH_MATCH_CAP))
    expect(ids).toEqual(expected.slice(0, ids.length))
  })

  it('answers 2-character queries exactly as a scan would: pairs ending a name, inside one, and nowhere', async () => {
    const live = book.filter((r) => r.deleted_at === null)
    const ends = new Set<string>()
    const inner = new Set<string>()
    for (const r of live) {
      for (const name of [r.name_kanji, r.name_kana, r.named_insured_name, r.named_insured_kana]) {
        const chars = [...normaliseForSearch(name)]
        ends.add(chars.slice(-2).join(''))
        if (chars.length > 3) inner.add(chars.slice(1, 3).join(''))
      }
    }
    const queries = [...[...ends].slice(0, 60), ...[...inner].slice(0, 40), 'ヰヲ', '〆〆', '12']
    for (const query of queries) {
      expect(await searchIds(query), query).toEqual(referenceIds(query, true))
    }
  })

  it('finds a pair that only ends the last name of a key, and Latin letters by scanning', async () => {
    const writer = prepareSearchKeyWriter(core.database.sqlite)
    const [first, second] = book.filter((r) => r.deleted_at === null)
    // ヰヱ occurs nowhere else: the last two characters of the whole key, no trigram after.
    writer.write(first!.id, { ...keySource(first!), namedInsuredKana: 'ヤマダヰヱ' })
    writer.write(second!.id, { ...keySource(second!), namedInsuredName: 'Smith Jane' })
    try {
      expect(await searchPlan(core.database.db, 'ヰヱ')).toEqual({ match: 'names : ("ヰヱ ")' })
      expect(await searchIds('ゐゑ')).toEqual([first!.id])
      expect(await searchPlan(core.database.db, 'ne')).toEqual({ scan: 'ne' })
      expect(await searchIds('NE')).toEqual([second!.id])
      expect(await searchIds('ｓｍ')).toEqual([second!.id])
      expect(await searchPlan(core.database.db, 'ヰヲ')).toBeNull()
    } finally {
      writer.write(first!.id, keySource(first!))
      writer.write(second!.id, keySource(second!))
    }
    core.database.sqlite.exec(
      "INSERT INTO contract_search_fts (contract_search_fts) VALUES ('integrity-check')",
    )
  })

  it('finds policy numbers, phones (with or without hyphens) and plates by substring', async () => {
    const someone = book.find((r) => r.deleted_at === null && r.phone)!
    expect(await searchIds(someone.policy_number.slice(2, 9))).toContain(someone.id)
    const digits = someone.phone!.replace(/\D/g, '')
    expect(await searchIds(digits.slice(-8))).toContain(someone.id)
    expect(await searchIds(someone.phone!)).toContain(someone.id)
    // Full-width digits, as an IME may type them.
    const wide = digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    expect(await searchIds(wide)).toContain(someone.id)
    expect(await searchIds(someone.vehicle_plate)).toContain(someone.id)
    for (const q of [someone.policy_number.slice(2, 9), digits.slice(-8)])
      expect(await searchIds(q)).toEqual(referenceIds(q, false))
  })

  it('leaves out tombstoned contracts and combines with filters', async () => {
    const gone = book.find((r) => r.deleted_at !== null)!
    expect(await searchIds(gone.policy_number)).toEqual([])
    const someone = book.find((r) => r.deleted_at === null)!
    const flow = core.database.sqlite
      .prepare('SELECT flow FROM contracts WHERE id = ?')
      .pluck()
      .get(someone.id) as 'A' | 'B'
    expect(await searchIds(someone.policy_number, { flow })).toEqual([someone.id])
    const other = flow === 'A' ? 'B' : 'A'
    expect(await searchIds(someone.policy_number, { flow: other })).toEqual([])
  })

  it('a query with only spaces or dashes lists everything', async () => {
    const all = await count({})
    expect(await count({ search: ' - ' })).toEqual(all)
    expect(all.total).toBe(book.filter((r) => r.deleted_at === null).length)
    expect((await list({ limit: 3, filters: { search: ' - ' } })).rows).toEqual(
      (await list({ limit: 3 })).rows,
    )
  })

  it('a quote in the query is text, not FTS syntax', async () => {
    expect(await count({ search: 'ab"c OR d' })).toEqual({ total: 0, totalCapped: false })
    expect((await list({ filters: { search: 'ab"c OR d' } })).rows).toEqual([])
  })

  it('counts a search as many as it lists, in its pages too (the book is under the cap)', async () => {
    const someone = book.find((r) => r.deleted_at === null && r.name_kana.includes('\u3000'))!
    const family = someone.name_kana.split('\u3000')[0]!
    for (const query of [someone.policy_number, family, someone.name_kanji.slice(0, 1)]) {
      const ids = await searchIds(query)
      expect(ids.length, query).toBeGreaterThan(0)
      const expected = { total: ids.length, totalCapped: false }
      expect(await count({ search: query }), query).toEqual(expected)
      // The page says it too: it had to find every match to sort them.
      expect((await list({ limit: 1, filters: { search: query } })).searchMatches).toEqual(expected)
    }
    expect((await list({ limit: 1 })).searchMatches).toBeUndefined()
  })

  it.each(['cutoff', 'maturity', 'policyNumber', 'clientKana', 'step'] as const)(
    "sorted by %s, a search's page starts from its matches, found once",
    (key) => {
      const { sql, parameters } = compileContractListQuery(core.database.db, {
        sort: { key, direction: 'asc' },
        offset: 0,
        limit: 200,
        matches: searchMatchQuery({ match: '"タナカ"' }, filterWhere({}, NOW)),
      })
      const details = (
        core.database.sqlite
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...(parameters as unknown[])) as { detail: string }[]
      ).map((p) => p.detail)
      // Walking a sort index instead would check every contract against the matches.
      expect(details.filter((d) => d.startsWith('MATERIALIZE'))).toEqual(['MATERIALIZE matched'])
      expect(details.filter((d) => /^SCAN (c|cl|p)\b/.test(d))).toEqual([])
    },
  )

  it('a page past the last match still says how many matched', async () => {
    const someone = book.find((r) => r.deleted_at === null && r.name_kana.includes('\u3000'))!
    const search = someone.name_kana.split('\u3000')[0]!
    const matched = (await searchIds(search)).length
    const expected = { total: matched, totalCapped: false }
    const byOffset = await list({ offset: matched, limit: 5, filters: { search } })
    expect(byOffset.rows).toEqual([])
    expect(byOffset.searchMatches).toEqual(expected)
    const whole = await list({ limit: matched, filters: { search } })
    expect(whole.rows).toHaveLength(matched)
    const next = await list({ limit: matched, after: whole.nextCursor!, filters: { search } })
    expect(next.rows).toEqual([])
    expect(next.searchMatches).toEqual(expected)
  })
})

describe('a search with more matches than the cap', () => {
  let capped: TestCore
  const MARK = 'ヰヰヰ'

  beforeAll(async () => {
    capped = await seededCore(SEARCH_MATCH_CAP + 60, 12)
    const { sqlite } = capped.database
    // Every key gets the same rare word, so every live contract matches it.
    sqlite.prepare("UPDATE contract_search SET names = names || ? || ' '").run(MARK)
    // The first match past the cap gets the earliest cutoff: a page that let it in shows it first.
    sqlite
      .prepare(
        `UPDATE contracts SET web_cutoff_at = (SELECT min(web_cutoff_at) - 60000 FROM contracts)
         WHERE id = (SELECT id FROM contracts WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET ?)`,
      )
      .run(SEARCH_MATCH_CAP)
  }, 60_000)

  afterAll(async () => {
    await capped.stop()
  })

  it('pages the first SEARCH_MATCH_CAP matches in the sort order and says it stopped there', async () => {
    const page = await capped.handlers['contracts:list'](
      input({ limit: 200, filters: { search: MARK } }),
    )
    const expected = { total: SEARCH_MATCH_CAP, totalCapped: true }
    expect(page.searchMatches).toEqual(expected)
    expect(await capped.handlers['contracts:count']({ filters: { search: MARK } })).toEqual(
      expected,
    )
    // The index yields matches by contract id: the first SEARCH_MATCH_CAP live ones, by cutoff.
    const firstMatches = capped.database.sqlite
      .prepare(
        `SELECT id FROM (SELECT id, web_cutoff_at FROM contracts WHERE deleted_at IS NULL
           ORDER BY id LIMIT ?) ORDER BY web_cutoff_at, id LIMIT 200`,
      )
      .pluck()
      .all(SEARCH_MATCH_CAP)
    expect(page.rows.map((r) => r.id)).toEqual(firstMatches)
  })
})

describe('contract search keys are maintained', () => {
  it('by demo seeding: one key per contract, and the FTS index agrees', () => {
    const { sqlite } = core.database
    expect(sqlite.prepare('SELECT count(*) FROM contract_search').pluck().get()).toBe(BOOK)
    sqlite.exec("INSERT INTO contract_search_fts (contract_search_fts) VALUES ('integrity-check')")
  })
})
