import { sql, type Kysely } from 'kysely'

/**
 * 0002 — renewal tracking around each contract: credential-mail state, renewal progress,
 * the timeline, notes and follow-ups, the reissue outbox, sync state, the append-only
 * audit log and app settings. Same conventions as 0001. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'app_settings',
    'audit_log',
    'sync_state',
    'reissue_outbox',
    'follow_ups',
    'notes',
    'timeline_events',
    'renewal_progress',
    'credential_mail_state',
  ]
  for (const table of tables) await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db)
}

const STATEMENTS = [
  `CREATE TABLE credential_mail_state (
    contract_id INTEGER PRIMARY KEY REFERENCES contracts(id) ON DELETE CASCADE,
    id_mail_status TEXT NOT NULL DEFAULT 'not_sent'
      CHECK (id_mail_status IN ('not_sent', 'sent', 'delivered', 'bounced')),
    id_mail_sent_at INTEGER,
    id_mail_delivered_at INTEGER,
    id_mail_failed_at INTEGER,
    id_mail_failure_reason TEXT
      CHECK (id_mail_failure_reason IN ('invalid_address', 'mailbox_full', 'carrier_filter', 'unknown')),
    password_mail_status TEXT NOT NULL DEFAULT 'not_sent'
      CHECK (password_mail_status IN ('not_sent', 'sent', 'delivered', 'bounced', 'suppressed_existing')),
    password_mail_sent_at INTEGER,
    password_mail_delivered_at INTEGER,
    password_mail_failed_at INTEGER,
    password_mail_failure_reason TEXT
      CHECK (password_mail_failure_reason IN ('invalid_address', 'mailbox_full', 'carrier_filter', 'unknown')),
    credentials_issued_year INTEGER,
    first_login_at INTEGER,
    temp_password_changed_at INTEGER,
    password_expired_at INTEGER,
    mypage_status TEXT NOT NULL DEFAULT 'not_started'
      CHECK (mypage_status IN ('not_started', 'provisional', 'expired', 'mismatch', 'wrong_policy_number', 'registered')),
    mypage_provisional_at INTEGER,
    mypage_provisional_expires_at INTEGER,
    mypage_registered_at INTEGER,
    mypage_failed_at INTEGER,
    mypage_mismatch_field TEXT CHECK (mypage_mismatch_field IN ('name', 'address', 'birth_date', 'phone')),
    updated_at INTEGER NOT NULL
  ) STRICT`,

  `CREATE TABLE renewal_progress (
    contract_id INTEGER PRIMARY KEY REFERENCES contracts(id) ON DELETE CASCADE,
    step TEXT NOT NULL DEFAULT 'none' CHECK (step IN ('none',
      'a1_credentials', 'a2_login', 'a3_procedure', 'a4_completed', 'a5_mypage',
      'b1_signup', 'b2_provisional', 'b3_registered', 'b4_procedure', 'b5_completed')),
    step_reached_at INTEGER,
    screen TEXT CHECK (screen IN ('select_contract', 'confirmations', 'vehicle', 'parties',
      'quote_plan', 'intent_apply', 'formed')),
    screen_reached_at INTEGER,
    started_at INTEGER,
    completed_at INTEGER,
    last_activity_at INTEGER,
    updated_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX renewal_progress_step ON renewal_progress(step, contract_id)`,

  `CREATE TABLE timeline_events (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    occurred_at INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('insurer', 'staff', 'system')),
    kind TEXT NOT NULL,
    detail_json TEXT NOT NULL DEFAULT '{}',
    staff_id TEXT REFERENCES staff(id),
    -- The insurer's sequence number for events that came through the change feed: makes
    -- re-applying a page after a crash a no-op.
    remote_seq INTEGER UNIQUE
  ) STRICT`,
  `CREATE INDEX timeline_contract ON timeline_events(contract_id, occurred_at)`,

  `CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    staff_id TEXT REFERENCES staff(id),
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX notes_contract ON notes(contract_id, created_at)`,

  `CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    staff_id TEXT REFERENCES staff(id),
    due_date TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    done_at INTEGER,
    created_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX follow_ups_due ON follow_ups(due_date) WHERE done_at IS NULL`,

  `CREATE TABLE reissue_outbox (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id),
    kind TEXT NOT NULL CHECK (kind IN ('id_mail', 'password', 'mypage_registration_mail')),
    corrected_email TEXT,
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES staff(id),
    requested_at INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'accepted',
      'completed', 'failed', 'outcome_unknown', 'needs_confirmation', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_error_code TEXT,
    last_error_message TEXT,
    remote_reissue_id TEXT,
    accepted_at INTEGER,
    finished_at INTEGER,
    updated_at INTEGER NOT NULL
  ) STRICT`,
  `CREATE INDEX outbox_pending ON reissue_outbox(state, next_attempt_at)`,
  `CREATE INDEX outbox_contract ON reissue_outbox(contract_id, requested_at)`,

  `CREATE TABLE sync_state (
    insurer_id TEXT PRIMARY KEY REFERENCES insurers(id),
    change_cursor TEXT,
    snapshot_cursor TEXT,
    snapshot_complete INTEGER NOT NULL DEFAULT 0 CHECK (snapshot_complete IN (0, 1)),
    last_attempt_at INTEGER,
    last_success_at INTEGER,
    last_error_code TEXT,
    last_error_message TEXT,
    updated_at INTEGER NOT NULL
  ) STRICT`,

  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_staff_id TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    detail_json TEXT NOT NULL DEFAULT '{}'
  ) STRICT`,
  `CREATE INDEX audit_entity ON audit_log(entity, entity_id)`,
  // Append-only is enforced by the database itself, not by convention.
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,

  `CREATE TABLE app_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT`,
]
