import type BetterSqlite3 from 'better-sqlite3'

/**
 * Child rows whose copies of their contract's dates and tombstone (migration 0013's
 * triggers) differ from the contract: empty when the triggers kept up with every write.
 */
export function staleDateCopies(sqlite: BetterSqlite3.Database): string[] {
  return sqlite
    .prepare(
      `SELECT x.name || ' ' || x.contract_id FROM (
         SELECT 'credential_mail_state' AS name, contract_id, contract_web_cutoff_at AS cutoff,
           contract_maturity_date AS maturity, contract_deleted_at AS deleted
         FROM credential_mail_state
         UNION ALL
         SELECT 'renewal_progress', contract_id, contract_web_cutoff_at, contract_maturity_date,
           contract_deleted_at
         FROM renewal_progress) AS x
       JOIN contracts c ON c.id = x.contract_id
       WHERE x.cutoff IS NOT c.web_cutoff_at OR x.maturity IS NOT c.maturity_date
         OR x.deleted IS NOT c.deleted_at`,
    )
    .pluck()
    .all() as string[]
}
