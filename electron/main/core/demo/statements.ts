import type BetterSqlite3 from 'better-sqlite3'
import { SCHEDULE_COLUMNS } from '../workspace/schedule-columns'
import { MAIL_STATE_COLUMNS, PROGRESS_STATE_COLUMNS } from '../workspace/web-state-rows'
import { BatchInsert } from './batch-insert'

/**
 * The bulk-path inserts, in the column order the row writer (rows.ts) passes values.
 * Listed parents first: flushAll() relies on that order for the foreign keys.
 */
const TABLES = {
  client: [
    'clients',
    'id, name_kanji, name_kana, birth_date, postcode, address, phone, email, updated_at',
  ],
  contract: [
    'contracts',
    `id, insurer_id, policy_number, flow, client_id, named_insured_name, named_insured_kana,
     vehicle_owner_name, vehicle_name, vehicle_plate, inception_date, maturity_date,
     web_cutoff_at, premium_yen, staff_id, branch_id, renewal_status, renewal_channel,
     renewed_policy_number, updated_at, ${SCHEDULE_COLUMNS.join(', ')}`,
  ],
  mail: ['credential_mail_state', `contract_id, ${MAIL_STATE_COLUMNS}, updated_at`],
  progress: ['renewal_progress', `contract_id, ${PROGRESS_STATE_COLUMNS}, updated_at`],
  timeline: ['timeline_events', 'contract_id, occurred_at, source, kind, detail_json, staff_id'],
  search: ['contract_search', 'contract_id, names, numbers'],
} as const

export type DemoInserts = { [K in keyof typeof TABLES]: BatchInsert } & { flushAll(): void }

export function prepareDemoInserts(sqlite: BetterSqlite3.Database): DemoInserts {
  const make = ([table, columns]: readonly [string, string]) =>
    new BatchInsert(sqlite, `INSERT INTO ${table} (${columns})`, columns.split(',').length)
  const inserts = {
    client: make(TABLES.client),
    contract: make(TABLES.contract),
    mail: make(TABLES.mail),
    progress: make(TABLES.progress),
    timeline: make(TABLES.timeline),
    search: make(TABLES.search),
  }
  return {
    ...inserts,
    flushAll() {
      inserts.client.flush()
      inserts.contract.flush()
      inserts.mail.flush()
      inserts.progress.flush()
      inserts.timeline.flush()
      inserts.search.flush()
    },
  }
}
