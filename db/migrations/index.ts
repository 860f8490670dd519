import type { Migration } from 'kysely'
import * as m0001 from './0001_contract_book'
import * as m0002 from './0002_renewal_tracking'
import * as m0003 from './0003_insurer_api_client'

/**
 * Every migration, registered statically: a folder scan would not work inside an asar.
 * Append only; the position in this list is the schema version.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_contract_book', m0001],
  ['0002_renewal_tracking', m0002],
  ['0003_insurer_api_client', m0003],
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
