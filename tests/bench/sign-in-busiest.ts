import type { Handlers } from '../../electron/common/api/contract'
import { callBackend } from './measure'
import type { ScopeOwner } from '../../electron/main/core/workspace/scope-sql'
import type { DatabaseHandle } from '../../db/connection'

/**
 * Signs in the member of staff (not a manager) with the largest book, as the workspace
 * benchmarks measure "mine" and "my branch" for them. Benchmarks run on a throwaway copy, so
 * nobody is signed out afterwards.
 */
export async function signInBusiestStaff(
  database: DatabaseHandle,
  handlers: Handlers,
): Promise<ScopeOwner> {
  const me = database.sqlite
    .prepare(
      `SELECT s.id, s.branch_id FROM staff s JOIN contracts c ON c.staff_id = s.id
       WHERE s.role = 'staff' GROUP BY s.id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { id: string; branch_id: string }
  await callBackend(handlers, 'session:signIn', { staffId: me.id })
  return { staffId: me.id, branchId: me.branch_id }
}
