import type BetterSqlite3 from 'better-sqlite3'

/**
 * Child rows whose copies (migration 0013) differ from their contract — dates, tombstone,
 * client — or, for a live contract, from its client's kana (a tombstoned contract's children
 * get the kana afresh when it comes back): empty when the triggers and the sync's writes kept
 * up with every change.
 */
export function staleCopies(sqlite: BetterSqlite3.Database): string[] {
  return sqlite
    .prepare(
      `SELECT x.name || ' ' || x.contract_id FROM (
         SELECT 'credential_mail_state' AS name, contract_id, contract_web_cutoff_at AS cutoff,
           contract_maturity_date AS maturity, contract_deleted_at AS deleted,
           contract_client_id AS client_id, contract_client_kana AS kana
         FROM credential_mail_state
         UNION ALL
         SELECT 'renewal_progress', contract_id, contract_web_cutoff_at, contract_maturity_date,
           contract_deleted_at, contract_client_id, contract_client_kana
         FROM renewal_progress) AS x
       JOIN contracts c ON c.id = x.contract_id
       JOIN clients cl ON cl.id = c.client_id
       WHERE x.cutoff IS NOT c.web_cutoff_at OR x.maturity IS NOT c.maturity_date
         OR x.deleted IS NOT c.deleted_at OR x.client_id IS NOT c.client_id
         OR (c.deleted_at IS NULL AND x.kana IS NOT cl.name_kana)`,
    )
    .pluck()
    .all() as string[]
}
