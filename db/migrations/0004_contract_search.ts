import { sql, type Kysely } from 'kysely'

/**
 * 0004 — contract search and saved list views.
 *
 * contract_search holds one normalised search key per contract (names; and phone, plate,
 * policy number), written by the app wherever contracts are written (sync, demo seeding).
 * An FTS5 trigram index over it answers queries of 3+ characters from the index; shorter
 * queries scan the compact `names` column (see db/queries/contract-search.ts). Triggers
 * keep the FTS index in step with the table, so writers only touch contract_search.
 *
 * saved_views: the contract list's filters and sort, saved by name, per staff member.
 *
 * Frozen: the normaliser below is a copy of electron/common/domain/search-normalise.ts as
 * of this migration (migrations never import app code). It fills the keys of contracts that
 * exist already, in chunks so memory stays flat at 1M contracts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE contract_search (
    contract_id INTEGER PRIMARY KEY REFERENCES contracts(id) ON DELETE CASCADE,
    names TEXT NOT NULL,
    numbers TEXT NOT NULL
  ) STRICT`.execute(db)
  await backfill(db)
  await sql`CREATE VIRTUAL TABLE contract_search_fts USING fts5(
    names, numbers, content = 'contract_search', content_rowid = 'contract_id',
    tokenize = 'trigram')`.execute(db)
  await sql`INSERT INTO contract_search_fts (contract_search_fts) VALUES ('rebuild')`.execute(db)
  for (const trigger of TRIGGERS) await sql.raw(trigger).execute(db)

  // The list's mail and registration filters start from these (a few percent of a book
  // each), instead of probing every contract's mail row.
  for (const index of FILTER_INDEXES) await sql.raw(index).execute(db)

  await sql`CREATE TABLE saved_views (
    id INTEGER PRIMARY KEY,
    staff_id TEXT NOT NULL,
    name TEXT NOT NULL,
    filters_json TEXT NOT NULL,
    sort_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (staff_id, name)
  ) STRICT`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS saved_views`.execute(db)
  for (const name of ['credential_mail_id', 'credential_mail_password', 'credential_mail_mypage'])
    await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db)
  for (const name of ['contract_search_ai', 'contract_search_ad', 'contract_search_au'])
    await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db)
  await sql`DROP TABLE IF EXISTS contract_search_fts`.execute(db)
  await sql`DROP TABLE IF EXISTS contract_search`.execute(db)
}

const FILTER_INDEXES = [
  'CREATE INDEX credential_mail_id ON credential_mail_state(id_mail_status)',
  'CREATE INDEX credential_mail_password ON credential_mail_state(password_mail_status)',
  'CREATE INDEX credential_mail_mypage ON credential_mail_state(mypage_status)',
]

// The external-content pattern from the FTS5 documentation.
const TRIGGERS = [
  `CREATE TRIGGER contract_search_ai AFTER INSERT ON contract_search BEGIN
     INSERT INTO contract_search_fts (rowid, names, numbers)
     VALUES (new.contract_id, new.names, new.numbers);
   END`,
  `CREATE TRIGGER contract_search_ad AFTER DELETE ON contract_search BEGIN
     INSERT INTO contract_search_fts (contract_search_fts, rowid, names, numbers)
     VALUES ('delete', old.contract_id, old.names, old.numbers);
   END`,
  `CREATE TRIGGER contract_search_au AFTER UPDATE ON contract_search BEGIN
     INSERT INTO contract_search_fts (contract_search_fts, rowid, names, numbers)
     VALUES ('delete', old.contract_id, old.names, old.numbers);
     INSERT INTO contract_search_fts (rowid, names, numbers)
     VALUES (new.contract_id, new.names, new.numbers);
   END`,
]

const CHUNK = 2_000

interface SourceRow {
  id: number
  name_kanji: string
  name_kana: string
  named_insured_name: string
  named_insured_kana: string
  phone: string | null
  vehicle_plate: string
  policy_number: string
}

async function backfill(db: Kysely<any>): Promise<void> {
  let after = 0
  for (;;) {
    const { rows } = await sql<SourceRow>`
      SELECT c.id, cl.name_kanji, cl.name_kana, c.named_insured_name, c.named_insured_kana,
             cl.phone, c.vehicle_plate, c.policy_number
      FROM contracts c JOIN clients cl ON cl.id = c.client_id
      WHERE c.id > ${after} ORDER BY c.id LIMIT ${CHUNK}`.execute(db)
    const last = rows.at(-1)
    if (!last) return
    // 3 values a row, well under SQLite's bound-parameter limit.
    await db
      .insertInto('contract_search')
      .values(
        rows.map((r) => ({
          contract_id: r.id,
          names: join([r.name_kanji, r.name_kana, r.named_insured_name, r.named_insured_kana]),
          numbers: join([r.phone, r.vehicle_plate, r.policy_number]),
        })),
      )
      .execute()
    after = last.id
  }
}

// --- frozen copy of normaliseForSearch (search-normalise.ts) and the key's part joining ---
const IGNORED = /[\s\-\u2010-\u2015\u2043\u2212\u30fb()]/gu
const LONG_VOWEL_BETWEEN_DIGITS = /(?<=\d)ー+(?=\d)/gu
const HIRAGANA = /[\u3041-\u3096\u309d\u309e]/gu

function pass(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(HIRAGANA, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
  return folded.replace(IGNORED, '').replace(LONG_VOWEL_BETWEEN_DIGITS, '')
}

function normalise(text: string): string {
  let current = text
  for (let i = 0; i < 8; i++) {
    const next = pass(current)
    if (next === current) return next
    current = next
  }
  return current
}

function join(parts: ReadonlyArray<string | null>): string {
  const seen = new Set<string>()
  for (const part of parts) {
    const key = part === null ? '' : normalise(part)
    if (key !== '') seen.add(key)
  }
  return [...seen].join(' ')
}
