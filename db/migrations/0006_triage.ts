import { sql, type Kysely } from 'kysely'

/**
 * 0006 — the credential-triage screen (メール未着・登録エラー) reads only contracts whose
 * mails or MyPage registration are in trouble, about one in six at 1M contracts. A partial
 * index over just those lets it skip the other five. The condition must stay word for word
 * the one in electron/main/core/workspace/triage/triage-candidates.ts (with the `m.` alias):
 * SQLite uses a partial index only when the query repeats its WHERE. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX credential_mail_triage ON credential_mail_state(contract_id)
    WHERE (id_mail_status IN ('sent', 'bounced')
    OR password_mail_status = 'bounced'
    OR (id_mail_status = 'delivered' AND password_mail_status IN ('not_sent', 'sent'))
    OR (id_mail_status = 'delivered' AND password_mail_status = 'suppressed_existing'
      AND first_login_at IS NULL)
    OR mypage_status IN ('provisional', 'expired', 'mismatch', 'wrong_policy_number'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS credential_mail_triage`.execute(db)
}
