import { sql, type Kysely } from 'kysely'

/**
 * 0003 — the OAuth client id an insurer issued to this agency (its secret lives in the OS
 * secret store, never in the database). Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE insurers ADD COLUMN api_client_id TEXT`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE insurers DROP COLUMN api_client_id`.execute(db)
}
