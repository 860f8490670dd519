import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { contractSearchKey } from '../../../electron/common/domain/contract-search-key'
import type { DatabaseHandle } from '../../../db/connection'
import { openDatabase } from '../../../db/connection'
import { migrateTo, migrateToLatest } from '../../../db/migrate'
import { tempDir } from '../../support/temp-db'
import { DAY, startSyncHarness, type SyncHarness } from './harness'

let harness: SyncHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

/** Every live contract's stored key equals the key computed from its current rows. */
function expectKeysMatchRows(database: DatabaseHandle): number {
  const rows = database.sqlite
    .prepare(
      `SELECT c.id, cl.name_kanji, cl.name_kana, c.named_insured_name, c.named_insured_kana,
              cl.phone, c.vehicle_plate, c.policy_number, s.names, s.numbers
       FROM contracts c JOIN clients cl ON cl.id = c.client_id
       LEFT JOIN contract_search s ON s.contract_id = c.id`,
    )
    .all() as Record<string, string | null>[]
  for (const r of rows) {
    const key = contractSearchKey({
      clientName: r.name_kanji!,
      clientKana: r.name_kana!,
      namedInsuredName: r.named_insured_name!,
      namedInsuredKana: r.named_insured_kana!,
      phone: r.phone ?? null,
      plate: r.vehicle_plate!,
      policyNumber: r.policy_number!,
    })
    expect({ names: r.names, numbers: r.numbers }).toEqual(key)
  }
  database.sqlite.exec(
    "INSERT INTO contract_search_fts (contract_search_fts) VALUES ('integrity-check')",
  )
  return rows.length
}

describe('search keys', () => {
  it('are written by the initial sync and kept by later syncs', async () => {
    harness = await startSyncHarness({ contracts: 300 })
    await harness.sync()
    expect(expectKeysMatchRows(harness.database)).toBe(300)
    harness.advance(3 * DAY, DAY / 4)
    await harness.sync()
    expectKeysMatchRows(harness.database)
  }, 60_000)

  it('are filled by migration 0004 for contracts that existed before it', async () => {
    const dir = tempDir()
    const handle = openDatabase({ path: dir.file('m.sqlite') })
    try {
      await migrateTo(handle.db, '0003_insurer_api_client')
      const now = Date.now()
      await sql`INSERT INTO insurers (id, name, web_cutoff_days_before, web_cutoff_time, site_closed_from,
        site_closed_until, web_window_opens_days_before, created_at, updated_at)
        VALUES ('ins', 'テスト保険', 2, '23:55', '04:00', '06:00', 60, ${now}, ${now})`.execute(
        handle.db,
      )
      // More than one backfill chunk (2,000).
      handle.sqlite.transaction(() => {
        const client = handle.sqlite.prepare(
          `INSERT INTO clients (id, name_kanji, name_kana, phone, updated_at)
           VALUES (?, '山田\u3000太郎', 'ヤマダ\u3000タロウ', '090-1234-5678', ?)`,
        )
        const contract = handle.sqlite.prepare(
          `INSERT INTO contracts (id, insurer_id, policy_number, flow, client_id, named_insured_name,
            named_insured_kana, vehicle_owner_name, vehicle_name, vehicle_plate, inception_date,
            maturity_date, web_cutoff_at, premium_yen, updated_at)
           VALUES (?, 'ins', ?, 'A', ?, '山田\u3000花子', 'ヤマダ\u3000ハナコ', '山田\u3000太郎', 'アクア',
             '品川 300 あ 12-34', '2026-04-01', '2027-04-01', 0, 50000, ?)`,
        )
        for (let id = 1; id <= 4500; id++) {
          client.run(id, now)
          contract.run(id, `P-${id}`, id, now)
        }
      })()
      await migrateToLatest(handle.db)
      expect(expectKeysMatchRows(handle)).toBe(4500)
      const hits = handle.sqlite
        .prepare(
          `SELECT count(*) FROM contract_search_fts WHERE contract_search_fts MATCH '"ヤマダハナコ"'`,
        )
        .pluck()
        .get()
      expect(hits).toBe(4500)
    } finally {
      await handle.close()
      dir.remove()
    }
  })
})
