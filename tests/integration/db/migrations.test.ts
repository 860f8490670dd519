import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../db/connection'
import {
  DatabaseFromNewerVersionError,
  migrateTo,
  migrateToLatest,
  schemaVersion,
} from '../../../db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../db/migrations'
import * as m0010 from '../../../db/migrations/0010_search_pair_terms'
import * as m0013 from '../../../db/migrations/0013_state_sort_indexes'
import { staleCopies } from '../../support/state-copies'
import { tempDir } from '../../support/temp-db'

const SNAPSHOT = join(import.meta.dirname, '../../fixtures/schema.snapshot.sql')

let dir: ReturnType<typeof tempDir>
let handle: DatabaseHandle

beforeEach(() => {
  dir = tempDir()
  handle = openDatabase({ path: dir.file('test.sqlite') })
})

afterEach(async () => {
  await handle.close()
  dir.remove()
})

/** The schema as SQLite stores it, one statement per line, in a stable order. */
async function schemaDump(h: DatabaseHandle): Promise<string> {
  const { rows } = await sql<{ sql: string }>`
    SELECT sql FROM sqlite_master
    WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'
    ORDER BY type, name`.execute(h.db)
  return rows.map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n') + '\n'
}

/**
 * One insurer and one client, written with SQL as old schemas had them; returns an insert of
 * a bare contract of that client: (id, policy number, maturity date, web cutoff, deleted_at).
 */
function bareBook(sqlite: DatabaseHandle['sqlite'], now: number) {
  sqlite.exec(`INSERT INTO insurers (id, name, web_cutoff_days_before, web_cutoff_time, site_closed_from,
    site_closed_until, web_window_opens_days_before, created_at, updated_at)
    VALUES ('ins', 'テスト保険', 2, '23:55', '04:00', '06:00', 60, ${now}, ${now})`)
  sqlite.exec(
    `INSERT INTO clients (id, name_kanji, name_kana, updated_at) VALUES (1, '試験花子', 'シケンハナコ', ${now})`,
  )
  return sqlite.prepare<[number, string, string, number, number | null]>(
    `INSERT INTO contracts (id, insurer_id, policy_number, flow, client_id,
    named_insured_name, named_insured_kana, vehicle_owner_name, vehicle_name, vehicle_plate, inception_date,
    maturity_date, web_cutoff_at, premium_yen, deleted_at, updated_at)
    VALUES (?, 'ins', ?, 'A', 1, '試験花子', 'シケンハナコ', '試験花子', 'アクア', '品川 300 あ 12-34',
    '2026-04-01', ?, ?, 50000, ?, ${now})`,
  )
}

describe('migrations', () => {
  it('are registered in order with unique names', () => {
    const names = MIGRATIONS.map(([name]) => name)
    expect(names).toEqual([...names].sort())
    expect(new Set(names).size).toBe(names.length)
    expect(LATEST_SCHEMA_VERSION).toBe(names.length)
  })

  it('sets the pragmas the app relies on', () => {
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(handle.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('upgrade N-1 → N keeps the data written under N-1', async () => {
    const previous = MIGRATIONS.at(-2)?.[0]
    if (!previous) throw new Error('needs at least two migrations')
    expect(await migrateTo(handle.db, previous)).toBe(LATEST_SCHEMA_VERSION - 1)
    const now = Date.now()
    await sql`INSERT INTO insurers (id, name, web_cutoff_days_before, web_cutoff_time, site_closed_from,
      site_closed_until, web_window_opens_days_before, created_at, updated_at)
      VALUES ('ins', 'テスト保険', 2, '23:55', '04:00', '06:00', 60, ${now}, ${now})`.execute(
      handle.db,
    )
    await sql`INSERT INTO clients (id, name_kanji, name_kana, updated_at) VALUES (1, '試験 花子', 'シケン ハナコ', ${now})`.execute(
      handle.db,
    )
    await sql`INSERT INTO contracts (id, insurer_id, policy_number, flow, client_id, named_insured_name,
      named_insured_kana, vehicle_owner_name, vehicle_name, vehicle_plate, inception_date, maturity_date,
      web_cutoff_at, premium_yen, updated_at)
      VALUES (7, 'ins', 'P-1', 'A', 1, '試験 花子', 'シケン ハナコ', '試験 花子', 'アクア', '品川 300 あ 12-34',
      '2026-04-01', '2027-04-01', 0, 50000, ${now})`.execute(handle.db)

    expect(await migrateToLatest(handle.db)).toBe(LATEST_SCHEMA_VERSION)

    const contract = await handle.db.selectFrom('contracts').selectAll().executeTakeFirstOrThrow()
    expect(contract).toMatchObject({ id: 7, policy_number: 'P-1', maturity_date: '2027-04-01' })
    // The new tables work against the old rows, foreign keys included.
    await handle.db
      .insertInto('renewal_progress')
      .values({ contract_id: 7, step: 'a1_credentials', updated_at: now })
      .execute()
    await expect(
      handle.db
        .insertInto('renewal_progress')
        .values({ contract_id: 999, step: 'none', updated_at: now })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/)
    expect(handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('0010 ends every existing search key in a space and rebuilds the trigram index from them', async () => {
    await migrateTo(handle.db, '0009_covering_schedule_indexes')
    const now = Date.now()
    const { sqlite } = handle
    const insertContract = bareBook(sqlite, now)
    const insertKey = sqlite.prepare(
      'INSERT INTO contract_search (contract_id, names, numbers) VALUES (?, ?, ?)',
    )
    insertContract.run(1, 'P-1', '2027-04-01', 0, null)
    insertContract.run(2, 'P-2', '2027-04-01', 0, null)
    // As 0004 to 0009 wrote them: no space at the end; and one contract with no names at all.
    insertKey.run(1, '試験花子 シケンハナコ', 'p-1')
    insertKey.run(2, '', 'p-2')

    await migrateToLatest(handle.db)
    // Again, as after a crash part-way (SQLite migrations run without a transaction): no change.
    await m0010.up(handle.db)

    const names = sqlite
      .prepare('SELECT names FROM contract_search ORDER BY contract_id')
      .pluck()
      .all()
    expect(names).toEqual(['試験花子 シケンハナコ ', ''])
    sqlite.exec("INSERT INTO contract_search_fts (contract_search_fts) VALUES ('integrity-check')")
    // The last pair of the key now starts a trigram: the one a 2-character search looks up.
    const terms = sqlite
      .prepare(
        "SELECT term FROM contract_search_terms WHERE term >= 'ナコ' AND term < 'ナコ\u{10FFFF}'",
      )
      .pluck()
      .all()
    expect(terms).toEqual(['ナコ '])
    const found = sqlite
      .prepare(
        `SELECT rowid FROM contract_search_fts WHERE contract_search_fts MATCH 'names : "ナコ "'`,
      )
      .pluck()
      .all()
    expect(found).toEqual([1])
  })

  it("0013 copies each contract's dates onto its child rows, and triggers keep them", async () => {
    await migrateTo(handle.db, '0012_live_contract_ids')
    const now = Date.now()
    const { sqlite } = handle
    const insertContract = bareBook(sqlite, now)
    const insertChildren = (id: number) => {
      sqlite.exec(`INSERT INTO credential_mail_state (contract_id, id_mail_status, password_mail_status,
        updated_at) VALUES (${id}, 'delivered', 'bounced', ${now})`)
      sqlite.exec(
        `INSERT INTO renewal_progress (contract_id, step, updated_at) VALUES (${id}, 'a1_credentials', ${now})`,
      )
    }
    // Written under 0012: one live contract, one tombstoned.
    insertContract.run(1, 'P-1', '2027-04-01', 1000, null)
    insertContract.run(2, 'P-2', '2027-05-01', 2000, now)
    insertChildren(1)
    insertChildren(2)

    await migrateToLatest(handle.db)
    // Again, as after a crash part-way (SQLite migrations run without a transaction).
    await m0013.up(handle.db)

    const copies = sqlite
      .prepare(
        `SELECT contract_id, contract_web_cutoff_at AS cutoff, contract_maturity_date AS maturity,
          contract_deleted_at AS deleted, contract_client_id AS client, contract_client_kana AS kana,
          mail_statuses FROM credential_mail_state ORDER BY contract_id`,
      )
      .all()
    expect(copies).toEqual([
      {
        contract_id: 1,
        cutoff: 1000,
        maturity: '2027-04-01',
        deleted: null,
        client: 1,
        kana: 'シケンハナコ',
        mail_statuses: 'delivered/bounced',
      },
      {
        contract_id: 2,
        cutoff: 2000,
        maturity: '2027-05-01',
        deleted: now,
        client: 1,
        kana: 'シケンハナコ',
        mail_statuses: 'delivered/bounced',
      },
    ])
    expect(staleCopies(sqlite)).toEqual([])

    // Written after: a new contract's children copy it; moved dates, a tombstone and an
    // undelete reach the children; an upsert that updates a child keeps its copies.
    insertContract.run(3, 'P-3', '2027-06-01', 3000, null)
    insertChildren(3)
    sqlite.exec(
      `UPDATE contracts SET maturity_date = '2027-04-02', web_cutoff_at = 1001 WHERE id = 1`,
    )
    sqlite.exec(`UPDATE contracts SET deleted_at = NULL WHERE id = 2`)
    sqlite.exec(`UPDATE contracts SET deleted_at = ${now} WHERE id = 3`)
    sqlite.exec(`INSERT INTO credential_mail_state (contract_id, id_mail_status, updated_at)
      VALUES (1, 'bounced', ${now}) ON CONFLICT (contract_id) DO UPDATE SET id_mail_status = excluded.id_mail_status`)
    expect(staleCopies(sqlite)).toEqual([])
    const progress = sqlite
      .prepare(
        'SELECT contract_id, contract_web_cutoff_at, contract_deleted_at FROM renewal_progress ORDER BY contract_id',
      )
      .all()
    expect(progress).toEqual([
      { contract_id: 1, contract_web_cutoff_at: 1001, contract_deleted_at: null },
      { contract_id: 2, contract_web_cutoff_at: 2000, contract_deleted_at: null },
      { contract_id: 3, contract_web_cutoff_at: 3000, contract_deleted_at: now },
    ])

    // The client's new kana reaches its live contracts' children; the tombstoned one's get
    // it when the contract comes back.
    const kanaOf = (id: number) =>
      sqlite
        .prepare('SELECT contract_client_kana FROM renewal_progress WHERE contract_id = ?')
        .pluck()
        .get(id)
    sqlite.exec(`UPDATE clients SET name_kana = 'シケン ハナコ' WHERE id = 1`)
    expect([kanaOf(1), kanaOf(2), kanaOf(3)]).toEqual([
      'シケン ハナコ',
      'シケン ハナコ',
      'シケンハナコ',
    ])
    sqlite.exec('UPDATE contracts SET deleted_at = NULL WHERE id = 3')
    expect(kanaOf(3)).toBe('シケン ハナコ')
    expect(staleCopies(sqlite)).toEqual([])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('is idempotent: running again changes nothing', async () => {
    await migrateToLatest(handle.db)
    const before = await schemaDump(handle)
    expect(await migrateToLatest(handle.db)).toBe(LATEST_SCHEMA_VERSION)
    expect(await schemaDump(handle)).toBe(before)
  })

  it('matches the schema snapshot (update tests/fixtures/schema.snapshot.sql on purpose only)', async () => {
    await migrateToLatest(handle.db)
    const dump = await schemaDump(handle)
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, dump)
    expect(dump).toBe(readFileSync(SNAPSHOT, 'utf8'))
  })

  it('refuses a database written by a newer version, touching nothing', async () => {
    await migrateToLatest(handle.db)
    handle.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    const before = await schemaDump(handle)
    const error = await migrateToLatest(handle.db).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseFromNewerVersionError)
    expect((error as Error).message).toMatch(/新しいバージョン/)
    expect((error as Error).message).toMatch(/newer Renewal Desk/)
    expect(await schemaDump(handle)).toBe(before)
    expect(await schemaVersion(handle.db)).toBe(LATEST_SCHEMA_VERSION + 1)
  })

  it('refuses a database that ran a migration this version does not know', async () => {
    await migrateToLatest(handle.db)
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('0999_future', '2030-01-01')`.execute(
      handle.db,
    )
    await expect(migrateToLatest(handle.db)).rejects.toBeInstanceOf(DatabaseFromNewerVersionError)
  })

  it('keeps the audit log append-only', async () => {
    await migrateToLatest(handle.db)
    await handle.db
      .insertInto('audit_log')
      .values({
        at: 1,
        actor_staff_id: null,
        action: 'test',
        entity: 'x',
        entity_id: null,
        detail_json: '{}',
      })
      .execute()
    await expect(
      handle.db.updateTable('audit_log').set({ action: 'changed' }).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(handle.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
  })
})
