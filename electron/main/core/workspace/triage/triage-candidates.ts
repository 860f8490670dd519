import type { WorkScope } from '../../../../common/api/work-scope'
import { OPEN_RENEWAL, SCOPE_FILTER, SCOPE_INDEX } from '../scope-sql'

/**
 * The triage screen in SQL, over the group each contract stores (triage_category, from
 * triage_from on; electron/common/domain/triage-schedule.ts, migration 0007). The scope's
 * contracts_triage_* index holds every column both statements read.
 */
function inGroup(scope: WorkScope): string {
  return `FROM contracts c INDEXED BY contracts_triage_${SCOPE_INDEX[scope]}
WHERE ${OPEN_RENEWAL} AND c.triage_category IS NOT NULL ${SCOPE_FILTER[scope]}
  AND c.triage_from <= @now`
}

/** How many contracts of the scope are in each group at @now. */
export function triageCountsSql(scope: WorkScope): string {
  return `SELECT c.triage_category AS category, count(*) AS n ${inGroup(scope)}
GROUP BY c.triage_category`
}

/**
 * The first @limit contracts of one group, in compareTriageEntries()'s order (classify-triage.ts):
 * open web windows first (cutoff after @now), nearest cutoff, stuck longest (no `since` last), id.
 */
export function triageRowsSql(scope: WorkScope): string {
  return `SELECT c.id ${inGroup(scope)} AND c.triage_category = @category
ORDER BY c.web_cutoff_at <= @now, c.web_cutoff_at, c.triage_since IS NULL, c.triage_since, c.id
LIMIT @limit`
}
