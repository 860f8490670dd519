import { sql, type Kysely } from 'kysely'

/**
 * 0001 — the book of business: insurers with their rule sets, branches, staff, clients
 * and contracts. Frozen: never edit after release, never import app code — the value
 * lists in CHECK constraints are copied here on purpose.
 *
 * Conventions: instants are INTEGER milliseconds since the Unix epoch (UTC), named *_at;
 * calendar dates printed on policies are TEXT 'YYYY-MM-DD', named *_date; money is
 * INTEGER yen. Tables are STRICT so a wrong type is an error, not a silent coercion.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['contracts', 'clients', 'staff', 'branches', 'insurers']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db)
  }
}

const STATEMENTS = [
  `CREATE TABLE insurers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    api_base_url TEXT,
    time_zone TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    web_cutoff_days_before INTEGER NOT NULL,
    web_cutoff_time TEXT NOT NULL,
    site_closed_from TEXT NOT NULL,
    site_closed_until TEXT NOT NULL,
    web_window_opens_days_before INTEGER NOT NULL,
    mypage_provisional_ttl_hours INTEGER NOT NULL DEFAULT 24,
    mypage_max_contracts INTEGER NOT NULL DEFAULT 5,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT`,

  `CREATE TABLE branches (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
  ) STRICT`,

  `CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    branch_id TEXT NOT NULL REFERENCES branches(id),
    name TEXT NOT NULL,
    name_kana TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('staff', 'manager')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
  ) STRICT`,
  `CREATE INDEX staff_branch ON staff(branch_id)`,

  `CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    name_kanji TEXT NOT NULL,
    name_kana TEXT NOT NULL,
    birth_date TEXT,
    postcode TEXT,
    address TEXT,
    phone TEXT,
    email TEXT,
    updated_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX clients_kana ON clients(name_kana)`,

  `CREATE TABLE contracts (
    id INTEGER PRIMARY KEY,
    insurer_id TEXT NOT NULL REFERENCES insurers(id),
    policy_number TEXT NOT NULL,
    flow TEXT NOT NULL CHECK (flow IN ('A', 'B')),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    named_insured_name TEXT NOT NULL,
    named_insured_kana TEXT NOT NULL,
    vehicle_owner_name TEXT NOT NULL,
    vehicle_name TEXT NOT NULL,
    vehicle_plate TEXT NOT NULL,
    inception_date TEXT NOT NULL,
    maturity_date TEXT NOT NULL,
    -- Derived from maturity_date and the insurer's rule set, stored so that sorting and
    -- filtering by deadline can use an index at 1M rows; rewritten when the rule changes.
    web_cutoff_at INTEGER NOT NULL,
    premium_yen INTEGER NOT NULL CHECK (premium_yen >= 0),
    staff_id TEXT REFERENCES staff(id),
    branch_id TEXT REFERENCES branches(id),
    renewal_status TEXT NOT NULL DEFAULT 'not_started'
      CHECK (renewal_status IN ('not_started', 'in_progress', 'renewed', 'lapsed', 'cancelled')),
    renewal_channel TEXT CHECK (renewal_channel IN ('web', 'agency')),
    renewed_policy_number TEXT,
    remote_version TEXT,
    deleted_at INTEGER,
    synced_at INTEGER,
    updated_at INTEGER NOT NULL,
    UNIQUE (insurer_id, policy_number)
  ) STRICT`,
  // Partial indexes over live (not tombstoned) contracts, each ending in id: a list page is
  // read from the index alone (two-phase paging in db/queries/contracts.ts), so even a deep
  // OFFSET never touches the table rows it skips.
  `CREATE INDEX contracts_maturity ON contracts(maturity_date, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contracts_cutoff ON contracts(web_cutoff_at, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contracts_policy ON contracts(policy_number, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contracts_client ON contracts(client_id, id) WHERE deleted_at IS NULL`,
  `CREATE INDEX contracts_staff ON contracts(staff_id, web_cutoff_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX contracts_branch ON contracts(branch_id, web_cutoff_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX contracts_plate ON contracts(vehicle_plate)`,
]
