import type { DatabaseHandle } from '../../../../db/connection'
import { createLogger } from '../logger'

const log = createLogger('outbox')

const MESSAGE =
  '送信中にアプリが終了したため、送信結果が不明です。同じ依頼キーで自動的に再送します（二重送信にはなりません）。 / ' +
  'The app stopped while this request was being sent, so its outcome is unknown. It will be re-sent automatically with the same request key (no duplicate).'

/**
 * Run once at startup, before the first drain. A row still 'sending' belongs to a process that
 * died mid-call: the insurer may or may not have it. Marking it outcome_unknown and due now is
 * safe because the resend carries the same Idempotency-Key, which the insurer answers with
 * the original reissue instead of acting twice. Returns how many rows were recovered.
 *
 * Not for use while another process may be draining the same file (the CLI and the app at
 * once): its in-flight row would be resent early — still exactly once, just a wasted call.
 */
export async function recoverOutbox(database: DatabaseHandle, now: number): Promise<number> {
  const result = await database.db
    .updateTable('reissue_outbox')
    .set({
      state: 'outcome_unknown',
      next_attempt_at: now,
      last_error_code: 'interrupted',
      last_error_message: MESSAGE,
      updated_at: now,
    })
    .where('state', '=', 'sending')
    .executeTakeFirst()
  const recovered = Number(result.numUpdatedRows)
  if (recovered > 0) log.warn('outbox rows interrupted mid-send recovered', { recovered })
  return recovered
}
