import type { Kysely } from 'kysely'
import type { Handlers, SavedView } from '../../../common/api/contract'
import { ContractFilters } from '../../../common/api/contract-filters'
import { toJstIso } from '../../../common/domain/japan-time'
import { CONTRACT_SORT_KEYS } from '../../../common/api/contract'
import type { Database, SavedViewTable } from '../../../../db/schema'
import type { Selectable } from 'kysely'
import { AppError } from '../api/app-error'
import { readCurrentStaff } from '../session/session-handlers'

/** Each staff member keeps their own views; this bounds the menu and the table. */
export const MAX_VIEWS_PER_STAFF = 50

async function currentStaffId(db: Kysely<Database>): Promise<string> {
  const current = await readCurrentStaff(db)
  if (!current) {
    throw new AppError(
      'unauthorized',
      '保存したビューを使うには担当者としてサインインしてください / sign in as a staff member to use saved views',
    )
  }
  return current.id
}

/**
 * Stored JSON is read back through the same schemas as the input: a view saved by an older
 * version whose filters no longer parse is shown with no filters rather than failing the menu.
 */
function toView(row: Selectable<SavedViewTable>): SavedView {
  const filters = ContractFilters.safeParse(safeJson(row.filters_json))
  const sort = safeJson(row.sort_json) as { key?: unknown; direction?: unknown } | null
  const key = (CONTRACT_SORT_KEYS as readonly unknown[]).includes(sort?.key)
    ? (sort?.key as SavedView['sort']['key'])
    : 'cutoff'
  const direction = sort?.direction === 'desc' ? 'desc' : 'asc'
  return {
    id: row.id,
    name: row.name,
    filters: filters.success ? filters.data : {},
    sort: { key, direction },
    updatedAt: toJstIso(row.updated_at),
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export function viewHandlers(
  db: Kysely<Database>,
  now: () => Date,
): Pick<Handlers, 'views:list' | 'views:save' | 'views:delete'> {
  return {
    'views:list': async () => {
      const staffId = await currentStaffId(db)
      const rows = await db
        .selectFrom('saved_views')
        .selectAll()
        .where('staff_id', '=', staffId)
        .orderBy('name')
        .execute()
      return { views: rows.map(toView) }
    },

    'views:save': async ({ name, filters, sort }) => {
      const staffId = await currentStaffId(db)
      const at = now().getTime()
      return db.transaction().execute(async (trx) => {
        const { n } = await trx
          .selectFrom('saved_views')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('staff_id', '=', staffId)
          .where('name', '!=', name)
          .executeTakeFirstOrThrow()
        if (Number(n) >= MAX_VIEWS_PER_STAFF) {
          throw new AppError(
            'request_refused',
            `保存できるビューは ${MAX_VIEWS_PER_STAFF} 件までです。不要なビューを削除してください / ` +
              `up to ${MAX_VIEWS_PER_STAFF} saved views; delete one first`,
          )
        }
        const row = await trx
          .insertInto('saved_views')
          .values({
            staff_id: staffId,
            name,
            filters_json: JSON.stringify(filters),
            sort_json: JSON.stringify(sort),
            created_at: at,
            updated_at: at,
          })
          .onConflict((oc) =>
            oc.columns(['staff_id', 'name']).doUpdateSet((eb) => ({
              filters_json: eb.ref('excluded.filters_json'),
              sort_json: eb.ref('excluded.sort_json'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .returningAll()
          .executeTakeFirstOrThrow()
        return toView(row)
      })
    },

    'views:delete': async ({ id }) => {
      const staffId = await currentStaffId(db)
      const result = await db
        .deleteFrom('saved_views')
        .where('id', '=', id)
        .where('staff_id', '=', staffId)
        .executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) {
        throw new AppError(
          'not_found',
          `ビュー ${id} は見つかりません（削除済みか、他の担当者のビューです） / view ${id} not found (deleted, or another staff member's)`,
        )
      }
      return { id }
    },
  }
}
