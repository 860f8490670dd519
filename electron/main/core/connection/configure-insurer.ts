import type { Kysely } from 'kysely'
import type { ParsedInputOf } from '../../../common/api/contract'
import { SEED_RULE_SET } from '../../../common/domain/insurer-rules'
import { ruleSetColumns } from '../../../../db/queries/insurers'
import type { Database } from '../../../../db/schema'
import { AppError } from '../api/app-error'
import { saveClientSecret, type SecretStore } from '../insurer/settings'

/**
 * Saves a real insurer's connection: URL and client id in the database, the client secret
 * in the OS secret store only. The secret goes first — if the store refuses (no keychain),
 * nothing is written and the user is told why. The audit entry names the host, never the
 * secret. Connections are made at start, so the caller is told to restart.
 */
export async function configureInsurer(
  db: Kysely<Database>,
  secrets: SecretStore,
  input: ParsedInputOf<'insurer:configure'>,
  now: Date,
): Promise<{ insurerId: string; restartRequired: boolean }> {
  try {
    await saveClientSecret(secrets, input.insurerId, input.clientSecret)
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    if (code === 'secret_storage_unavailable') {
      throw new AppError('secret_storage_unavailable', (error as Error).message)
    }
    throw error
  }
  const at = now.getTime()
  await db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('insurers')
      .select('id')
      .where('id', '=', input.insurerId)
      .executeTakeFirst()
    const connection = {
      name: input.name,
      api_base_url: input.baseUrl,
      api_client_id: input.clientId,
      is_demo: 0 as const,
      updated_at: at,
    }
    if (existing) {
      await tx.updateTable('insurers').set(connection).where('id', '=', input.insurerId).execute()
    } else {
      // A new insurer starts with the seed flyer's rules (23:55 two days before maturity,
      // closed 04:00–06:00); they can be changed per insurer later.
      await tx
        .insertInto('insurers')
        .values({
          id: input.insurerId,
          ...connection,
          ...ruleSetColumns(SEED_RULE_SET),
          created_at: at,
        })
        .execute()
    }
    await tx
      .insertInto('audit_log')
      .values({
        at,
        actor_staff_id: null,
        action: existing ? 'insurer.reconfigure' : 'insurer.configure',
        entity: 'insurer',
        entity_id: input.insurerId,
        detail_json: JSON.stringify({ host: new URL(input.baseUrl).host }),
      })
      .execute()
  })
  return { insurerId: input.insurerId, restartRequired: true }
}
