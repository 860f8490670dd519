import type { Kysely, Selectable } from 'kysely'
import type { InsurerRuleSet } from '../../electron/common/domain/insurer-rules'
import type { Database, InsurerTable } from '../schema'

export type InsurerRow = Selectable<InsurerTable>

export function listInsurers(db: Kysely<Database>): Promise<InsurerRow[]> {
  return db.selectFrom('insurers').selectAll().orderBy('id').execute()
}

export function ruleSetOf(row: InsurerRow): InsurerRuleSet {
  return {
    timeZone: row.time_zone,
    webCutoffDaysBeforeMaturity: row.web_cutoff_days_before,
    webCutoffTime: row.web_cutoff_time,
    siteClosedFrom: row.site_closed_from,
    siteClosedUntil: row.site_closed_until,
    webWindowOpensDaysBeforeMaturity: row.web_window_opens_days_before,
    mypageProvisionalTtlHours: row.mypage_provisional_ttl_hours,
    mypageMaxContracts: row.mypage_max_contracts,
  }
}

/** The columns that store a rule set, for inserts and updates. */
export function ruleSetColumns(rules: InsurerRuleSet) {
  return {
    time_zone: rules.timeZone,
    web_cutoff_days_before: rules.webCutoffDaysBeforeMaturity,
    web_cutoff_time: rules.webCutoffTime,
    site_closed_from: rules.siteClosedFrom,
    site_closed_until: rules.siteClosedUntil,
    web_window_opens_days_before: rules.webWindowOpensDaysBeforeMaturity,
    mypage_provisional_ttl_hours: rules.mypageProvisionalTtlHours,
    mypage_max_contracts: rules.mypageMaxContracts,
  } satisfies Partial<InsurerTable>
}
