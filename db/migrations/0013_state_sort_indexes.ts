import { sql, type Kysely } from 'kysely'

/**
 * 0013 — the rarer child-table states (credential mail, MyPage registration, step) in the
 * list's cutoff, maturity and kana orders, one index each.
 *
 * A list filtered on such a state alone was answered from the state's set of contract ids,
 * each looked up for its sort key (0012): 24–57 ms a first page at 1M contracts, 40–54 ms a
 * count. Here the two child tables keep a copy of their contract's web cutoff, maturity
 * date and tombstone and of its client's id and kana, written by triggers (so every writer —
 * sync, demo seeding, tests — keeps them right without knowing), and an index per state and
 * order holds the page in order: a first page reads 200 index entries (~0.2 ms at 1M), a
 * count one index range.
 *
 * Only the states few contracts are in: each index leaves out the states most contracts
 * rest in (not started, registered, no step yet…). Those are where a walk of the sort index
 * fills a page in a few hundred contracts anyway, and an index keyed by a date takes every
 * new row at a random place: with them in, the initial sync ran a third slower (each commit
 * wrote a page of every index per row); without, as fast as before (measured at 100k).
 * The states left out must stay word for word those in contract-filters.ts: SQLite uses a
 * partial index only for a query that repeats its WHERE.
 *
 * The mail filters are combinations of two columns (an ID mail bounced OR a password mail
 * bounced); `mail_statuses` joins them into one value ('delivered/bounced'), so each filter
 * is a list of such values (contract-filters.ts). Its plain index (status, then id: new rows
 * go at the end of their status) serves the filters as sets, and replaces 0004's two indexes
 * of the single statuses.
 *
 * Written to be run again after a crash part way (SQLite migrations run outside a
 * transaction, see 0011): each column is added only if missing, the rest is IF NOT EXISTS,
 * and the copy is rewritten whole. Frozen.
 */

const CHILD_TABLES = ['credential_mail_state', 'renewal_progress'] as const

/** The copies, in the order of CONTRACT_VALUES (a contract `c` joined with its client `cl`). */
const COPIES = `contract_web_cutoff_at, contract_maturity_date, contract_deleted_at,
  contract_client_id, contract_client_kana`
const CONTRACT_VALUES = 'c.web_cutoff_at, c.maturity_date, c.deleted_at, c.client_id, cl.name_kana'
const CONTRACT_WITH_CLIENT = 'contracts c JOIN clients cl ON cl.id = c.client_id'

const COPY_COLUMNS = [
  ['contract_web_cutoff_at', 'INTEGER'],
  ['contract_maturity_date', 'TEXT'],
  ['contract_deleted_at', 'INTEGER'],
  ['contract_client_id', 'INTEGER'],
  ['contract_client_kana', 'TEXT'],
] as const

const MAIL_STATUSES_COLUMN = `mail_statuses TEXT
  GENERATED ALWAYS AS (id_mail_status || '/' || password_mail_status) VIRTUAL`

/** [table, state column, index name prefix, states left out]: one index per sort order. */
const STATE_INDEXES = [
  ['credential_mail_state', 'mypage_status', 'registration', `'not_started', 'registered'`],
  [
    'credential_mail_state',
    'mail_statuses',
    'mail',
    `'not_sent/not_sent', 'delivered/delivered', 'delivered/suppressed_existing'`,
  ],
  ['renewal_progress', 'step', 'step', `'none', 'a1_credentials'`],
] as const

/** 0004's, as it created them (restored by down()). */
const SUPERSEDED_INDEXES = {
  credential_mail_id: 'credential_mail_state(id_mail_status)',
  credential_mail_password: 'credential_mail_state(password_mail_status)',
}

/** The list's sorts these indexes hold: their columns, each ending in the contract id. */
const SORT_ORDERS = [
  ['cutoff', 'contract_web_cutoff_at'],
  ['maturity', 'contract_maturity_date'],
  ['kana', 'contract_client_kana, contract_client_id'],
] as const

async function addColumnIfMissing(
  db: Kysely<any>,
  table: string,
  name: string,
  definition: string,
) {
  // table_xinfo, not table_info: the latter leaves generated columns out.
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM pragma_table_xinfo(${table}) WHERE name = ${name}`.execute(db)
  if (rows.length === 0) await sql.raw(`ALTER TABLE ${table} ADD COLUMN ${definition}`).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of CHILD_TABLES) {
    for (const [name, type] of COPY_COLUMNS) {
      await addColumnIfMissing(db, table, name, `${name} ${type}`)
    }
  }
  await addColumnIfMissing(db, 'credential_mail_state', 'mail_statuses', MAIL_STATUSES_COLUMN)

  for (const table of CHILD_TABLES) {
    await sql
      .raw(
        `UPDATE ${table} SET (${COPIES}) =
          (SELECT ${CONTRACT_VALUES} FROM ${CONTRACT_WITH_CLIENT} WHERE c.id = ${table}.contract_id)`,
      )
      .execute(db)
    // A child row is written after its contract (foreign key): it copies the contract's
    // values when inserted, unless the writer gave them (the sync does: one write a row, not
    // two). An upsert that updates (ON CONFLICT) keeps the row's copies.
    await sql
      .raw(
        `CREATE TRIGGER IF NOT EXISTS ${table}_copy_contract_keys
          AFTER INSERT ON ${table}
          WHEN NEW.contract_maturity_date IS NULL
          BEGIN
            UPDATE ${table} SET (${COPIES}) =
              (SELECT ${CONTRACT_VALUES} FROM ${CONTRACT_WITH_CLIENT} WHERE c.id = NEW.contract_id)
            WHERE contract_id = NEW.contract_id;
          END`,
      )
      .execute(db)
  }
  // The sync's update names the dates on every write (apply-contract.ts); the WHEN keeps the
  // children untouched unless a value really changed. An undelete copies the client's kana
  // afresh (the clients trigger below skips tombstoned contracts).
  await sql
    .raw(
      `CREATE TRIGGER IF NOT EXISTS contracts_copy_keys_to_children
        AFTER UPDATE OF web_cutoff_at, maturity_date, deleted_at, client_id ON contracts
        WHEN OLD.web_cutoff_at IS NOT NEW.web_cutoff_at
          OR OLD.maturity_date IS NOT NEW.maturity_date
          OR OLD.deleted_at IS NOT NEW.deleted_at
          OR OLD.client_id IS NOT NEW.client_id
        BEGIN
          ${CHILD_TABLES.map(
            (table) =>
              `UPDATE ${table} SET (${COPIES}) =
                (NEW.web_cutoff_at, NEW.maturity_date, NEW.deleted_at, NEW.client_id,
                  (SELECT name_kana FROM clients WHERE id = NEW.client_id))
              WHERE contract_id = NEW.id;`,
          ).join('\n')}
        END`,
    )
    .execute(db)
  // The sync rewrites the client with each contract; the kana seldom changes (a marriage).
  await sql
    .raw(
      `CREATE TRIGGER IF NOT EXISTS clients_copy_kana_to_children
        AFTER UPDATE OF name_kana ON clients
        WHEN OLD.name_kana IS NOT NEW.name_kana
        BEGIN
          ${CHILD_TABLES.map(
            (table) =>
              `UPDATE ${table} SET contract_client_kana = NEW.name_kana
              WHERE contract_id IN
                (SELECT id FROM contracts WHERE client_id = NEW.id AND deleted_at IS NULL);`,
          ).join('\n')}
        END`,
    )
    .execute(db)

  await sql`CREATE INDEX IF NOT EXISTS credential_mail_statuses
    ON credential_mail_state(mail_statuses)`.execute(db)
  for (const name of Object.keys(SUPERSEDED_INDEXES)) {
    await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db)
  }
  for (const [table, state, prefix, atRest] of STATE_INDEXES) {
    for (const [order, column] of SORT_ORDERS) {
      await sql
        .raw(
          `CREATE INDEX IF NOT EXISTS ${stateIndexName(prefix, order)}
            ON ${table}(${state}, ${column}, contract_id)
            WHERE contract_deleted_at IS NULL AND ${state} NOT IN (${atRest})`,
        )
        .execute(db)
    }
  }
}

function stateIndexName(prefix: string, order: string): string {
  return `${prefix}_state_by_${order}`
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [, , prefix] of STATE_INDEXES) {
    for (const [order] of SORT_ORDERS) {
      await sql.raw(`DROP INDEX IF EXISTS ${stateIndexName(prefix, order)}`).execute(db)
    }
  }
  for (const [name, on] of Object.entries(SUPERSEDED_INDEXES)) {
    await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${on}`).execute(db)
  }
  await sql`DROP INDEX IF EXISTS credential_mail_statuses`.execute(db)
  await sql`DROP TRIGGER IF EXISTS clients_copy_kana_to_children`.execute(db)
  await sql`DROP TRIGGER IF EXISTS contracts_copy_keys_to_children`.execute(db)
  for (const table of CHILD_TABLES) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_copy_contract_keys`).execute(db)
  }
  await sql`ALTER TABLE credential_mail_state DROP COLUMN mail_statuses`.execute(db)
  for (const table of CHILD_TABLES) {
    for (const [name] of COPY_COLUMNS) {
      await sql.raw(`ALTER TABLE ${table} DROP COLUMN ${name}`).execute(db)
    }
  }
}
