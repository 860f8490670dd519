import type { WorkScope } from '../../../common/api/work-scope'

/**
 * The SQL pieces today's list and the triage screen share: which contracts a work scope
 * covers, and "an open renewal of a live contract".
 */

/**
 * Only open renewals of live contracts: renewed, lapsed and cancelled ones have nobody to
 * call. Written exactly as the WHERE of migration 0007's partial indexes, so SQLite uses them.
 */
export const OPEN_RENEWAL = `c.deleted_at IS NULL AND c.renewal_status IN ('not_started', 'in_progress')`

/** The condition of a scope, with named parameters @staffId / @branchId. */
export const SCOPE_FILTER: Record<WorkScope, string> = {
  mine: 'AND c.staff_id = @staffId',
  branch: 'AND c.branch_id = @branchId',
  all: '',
}

/** The suffix of each scope's indexes in migration 0007 (contracts_today_staff, …). */
export const SCOPE_INDEX: Record<WorkScope, string> = {
  mine: 'staff',
  branch: 'branch',
  all: 'all',
}

/** Who "mine" and "my branch" are. */
export interface ScopeOwner {
  staffId: string
  branchId: string
}

/** Named parameters for a scope; only the ones its SQL names (better-sqlite3 refuses extras). */
export function scopeParams(
  scope: WorkScope,
  who: ScopeOwner | null,
): { staffId?: string; branchId?: string } {
  if (scope === 'all') return {}
  if (!who) throw new Error(`the "${scope}" scope needs a signed-in staff member`)
  return scope === 'mine' ? { staffId: who.staffId } : { branchId: who.branchId }
}
