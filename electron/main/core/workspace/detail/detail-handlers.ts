import type { Handlers } from '../../../../common/api/contract'
import type { DatabaseHandle } from '../../../../../db/connection'
import { addNote, reassignContract, setFollowUp } from './detail-writes'
import { readContractDetail } from './read-contract-detail'

/** The contract detail screen's methods (契約詳細). */
export function contractDetailHandlers(
  database: DatabaseHandle,
  now: () => Date,
): Pick<Handlers, 'contracts:get' | 'notes:add' | 'followUps:set' | 'contracts:reassign'> {
  return {
    'contracts:get': ({ id }) => readContractDetail(database, id, now()),
    'notes:add': (input) => addNote(database, input, now().getTime()),
    'followUps:set': (input) => setFollowUp(database, input, now().getTime()),
    'contracts:reassign': (input) => reassignContract(database, input, now().getTime()),
  }
}
