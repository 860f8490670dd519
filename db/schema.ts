import type { ColumnType, Generated } from 'kysely'
import type {
  BounceReason,
  Flow,
  MailStatus,
  MismatchField,
  MypageStatus,
  OutboxState,
  PasswordMailStatus,
  ProcedureScreen,
  ReissueKind,
  RenewalChannel,
  RenewalStatus,
  RenewalStep,
  StaffRole,
} from '../electron/common/domain/renewal'
import type { TriageCategory } from '../electron/common/domain/triage-categories'

/** Kysely's view of the tables created by db/migrations. Keep in step with them. */
export interface Database {
  insurers: InsurerTable
  branches: BranchTable
  staff: StaffTable
  clients: ClientTable
  contracts: ContractTable
  credential_mail_state: CredentialMailStateTable
  renewal_progress: RenewalProgressTable
  timeline_events: TimelineEventTable
  notes: NoteTable
  follow_ups: FollowUpTable
  reissue_outbox: ReissueOutboxTable
  sync_state: SyncStateTable
  audit_log: AuditLogTable
  app_settings: AppSettingTable
  contract_search: ContractSearchTable
  saved_views: SavedViewTable
}

export interface InsurerTable {
  id: string
  name: string
  is_demo: 0 | 1
  api_base_url: string | null
  api_client_id: string | null
  time_zone: string
  web_cutoff_days_before: number
  web_cutoff_time: string
  site_closed_from: string
  site_closed_until: string
  web_window_opens_days_before: number
  mypage_provisional_ttl_hours: number
  mypage_max_contracts: number
  created_at: number
  updated_at: number
}

export interface BranchTable {
  id: string
  name: string
}

export interface StaffTable {
  id: string
  branch_id: string
  name: string
  name_kana: string
  role: StaffRole
  active: 0 | 1
}

export interface ClientTable {
  id: Generated<number>
  name_kanji: string
  name_kana: string
  birth_date: string | null
  postcode: string | null
  address: string | null
  phone: string | null
  email: string | null
  updated_at: number
}

export interface ContractTable {
  id: Generated<number>
  insurer_id: string
  policy_number: string
  flow: Flow
  client_id: number
  named_insured_name: string
  named_insured_kana: string
  vehicle_owner_name: string
  vehicle_name: string
  vehicle_plate: string
  inception_date: string
  maturity_date: string
  web_cutoff_at: number
  /**
   * Derived by electron/common/domain/today-schedule.ts from the contract's state (migration
   * 0007): when it becomes due for today's list, and its stuck schedule in up to 3 pieces.
   */
  today_due_from: number | null
  stuck1_from: number | null
  stuck1_severity: number | null
  stuck1_since: number | null
  stuck2_from: number | null
  stuck2_severity: number | null
  stuck2_since: number | null
  stuck3_from: number | null
  stuck3_severity: number | null
  stuck3_since: number | null
  /** Derived by triage-schedule.ts: the メール未着・登録エラー group, from when, stuck since when. */
  triage_category: TriageCategory | null
  triage_from: number | null
  triage_since: number | null
  premium_yen: number
  staff_id: string | null
  branch_id: string | null
  renewal_status: RenewalStatus
  renewal_channel: RenewalChannel | null
  renewed_policy_number: string | null
  remote_version: string | null
  deleted_at: number | null
  synced_at: number | null
  updated_at: number
}

/**
 * The contract's sort keys (its dates, its client's kana) and tombstone, copied onto its child
 * rows for the state indexes (migration 0013): by triggers, or given by the sync's insert.
 */
interface ContractCopies {
  contract_web_cutoff_at: ColumnType<number | null, never, never>
  contract_maturity_date: ColumnType<string | null, never, never>
  contract_deleted_at: ColumnType<number | null, never, never>
  contract_client_id: ColumnType<number | null, never, never>
  contract_client_kana: ColumnType<string | null, never, never>
}

export interface CredentialMailStateTable extends ContractCopies {
  contract_id: number
  id_mail_status: MailStatus
  id_mail_sent_at: number | null
  id_mail_delivered_at: number | null
  id_mail_failed_at: number | null
  id_mail_failure_reason: BounceReason | null
  password_mail_status: PasswordMailStatus
  password_mail_sent_at: number | null
  password_mail_delivered_at: number | null
  password_mail_failed_at: number | null
  password_mail_failure_reason: BounceReason | null
  credentials_issued_year: number | null
  first_login_at: number | null
  temp_password_changed_at: number | null
  password_expired_at: number | null
  mypage_status: MypageStatus
  mypage_provisional_at: number | null
  mypage_provisional_expires_at: number | null
  mypage_registered_at: number | null
  mypage_failed_at: number | null
  mypage_mismatch_field: MismatchField | null
  /** `${id_mail_status}/${password_mail_status}`, generated (migration 0013). */
  mail_statuses: ColumnType<string, never, never>
  updated_at: number
}

export interface RenewalProgressTable extends ContractCopies {
  contract_id: number
  step: RenewalStep
  step_reached_at: number | null
  screen: ProcedureScreen | null
  screen_reached_at: number | null
  started_at: number | null
  completed_at: number | null
  last_activity_at: number | null
  updated_at: number
}

export interface TimelineEventTable {
  id: Generated<number>
  contract_id: number
  occurred_at: number
  source: 'insurer' | 'staff' | 'system'
  kind: string
  detail_json: string
  staff_id: string | null
  remote_seq: number | null
}

export interface NoteTable {
  id: Generated<number>
  contract_id: number
  staff_id: string | null
  body: string
  created_at: number
  updated_at: number
}

export interface FollowUpTable {
  id: Generated<number>
  contract_id: number
  staff_id: string | null
  due_date: string
  reason: string
  done_at: number | null
  created_at: number
}

export interface ReissueOutboxTable {
  id: Generated<number>
  contract_id: number
  kind: ReissueKind
  corrected_email: string | null
  reason: string
  requested_by: string
  requested_at: number
  idempotency_key: string
  state: OutboxState
  attempts: number
  next_attempt_at: number | null
  last_error_code: string | null
  last_error_message: string | null
  remote_reissue_id: string | null
  accepted_at: number | null
  finished_at: number | null
  updated_at: number
}

export interface SyncStateTable {
  insurer_id: string
  change_cursor: string | null
  snapshot_cursor: string | null
  snapshot_complete: 0 | 1
  last_attempt_at: number | null
  last_success_at: number | null
  last_error_code: string | null
  last_error_message: string | null
  updated_at: number
}

export interface AuditLogTable {
  id: Generated<number>
  at: number
  actor_staff_id: string | null
  action: string
  entity: string
  entity_id: string | null
  detail_json: string
}

export interface AppSettingTable {
  key: string
  value: string
}

/** 0004: one normalised search key per contract (contract-search-key.ts). */
export interface ContractSearchTable {
  contract_id: number
  names: string
  numbers: string
}

/** 0004: the contract list's filters and sort, saved by name per staff member. */
export interface SavedViewTable {
  id: Generated<number>
  staff_id: string
  name: string
  filters_json: string
  sort_json: string
  created_at: number
  updated_at: number
}
