import type { Migration } from 'kysely'
import * as m0001 from './0001_contract_book'
import * as m0002 from './0002_renewal_tracking'
import * as m0003 from './0003_insurer_api_client'
import * as m0004 from './0004_contract_search'
import * as m0005 from './0005_today_list'
import * as m0006 from './0006_triage'
import * as m0007 from './0007_stuck_schedules'
import * as m0008 from './0008_search_names'
import * as m0009 from './0009_covering_schedule_indexes'
import * as m0010 from './0010_search_pair_terms'
import * as m0011 from './0011_scope_maturity_indexes'
import * as m0012 from './0012_live_contract_ids'
import * as m0013 from './0013_state_sort_indexes'

/**
 * Every migration, registered statically: a folder scan would not work inside an asar.
 * Append only; the position in this list is the schema version.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_contract_book', m0001],
  ['0002_renewal_tracking', m0002],
  ['0003_insurer_api_client', m0003],
  ['0004_contract_search', m0004],
  ['0005_today_list', m0005],
  ['0006_triage', m0006],
  ['0007_stuck_schedules', m0007],
  ['0008_search_names', m0008],
  ['0009_covering_schedule_indexes', m0009],
  ['0010_search_pair_terms', m0010],
  ['0011_scope_maturity_indexes', m0011],
  ['0012_live_contract_ids', m0012],
  ['0013_state_sort_indexes', m0013],
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
