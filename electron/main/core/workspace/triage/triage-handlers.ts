import type { Handlers } from '../../../../common/api/contract'
import type { DatabaseHandle } from '../../../../../db/connection'
import { listTriage } from './list-triage'

/** The credential-triage screen's methods (メール未着・登録エラー). */
export function triageHandlers(
  database: DatabaseHandle,
  now: () => Date,
): Pick<Handlers, 'triage:list'> {
  return { 'triage:list': (input) => listTriage(database, input, now()) }
}
