import { sql, type Kysely } from 'kysely'
import type { ContractSortKey, SortDirection } from '../../electron/common/api/contract'
import type { Database } from '../schema'

const SORT_COLUMN = {
  maturity: 'c.maturity_date',
  cutoff: 'c.web_cutoff_at',
  policyNumber: 'c.policy_number',
  clientKana: 'cl.name_kana',
  step: 'p.step',
} as const satisfies Record<ContractSortKey, string>

export interface ContractListQuery {
  sort: { key: ContractSortKey; direction: SortDirection }
  offset: number
  limit: number
}

/** Live (not tombstoned) contracts, one page, joined with what the list shows. */
export function listContracts(db: Kysely<Database>, query: ContractListQuery) {
  return contractListQuery(db, query).execute()
}

/** The query itself, for benchmarks that run the same SQL raw. */
export function contractListQuery(db: Kysely<Database>, query: ContractListQuery) {
  const column = SORT_COLUMN[query.sort.key]
  const direction = query.sort.direction
  return (
    db
      .selectFrom('contracts as c')
      .innerJoin('clients as cl', 'cl.id', 'c.client_id')
      .innerJoin('insurers as i', 'i.id', 'c.insurer_id')
      .leftJoin('renewal_progress as p', 'p.contract_id', 'c.id')
      .leftJoin('staff as s', 's.id', 'c.staff_id')
      .where('c.deleted_at', 'is', null)
      .select([
        'c.id',
        'i.name as insurer_name',
        'c.policy_number',
        'c.flow',
        'cl.name_kanji as client_name',
        'cl.name_kana as client_kana',
        'c.vehicle_name',
        'c.vehicle_plate',
        'c.maturity_date',
        'c.web_cutoff_at',
        'p.step',
        'p.screen',
        'c.renewal_status',
        'c.renewal_channel',
        's.name as staff_name',
      ])
      .orderBy(sql.ref(column), direction)
      // The id tie-breaker makes paging stable when many rows share a maturity date.
      .orderBy('c.id', direction)
      .limit(query.limit)
      .offset(query.offset)
  )
}

export async function countLiveContracts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('contracts')
    .where('deleted_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
