import type { Handlers } from '../../common/api/contract'
import { schemaVersion } from '../../../db/migrate'
import { countLiveContracts } from '../../../db/queries/contracts'
import { listInsurers, ruleSetOf } from '../../../db/queries/insurers'
import type { DatabaseHandle } from '../../../db/connection'
import { countContracts, listContractPage } from './contracts/list-contracts'
import { reissueHandlers } from './outbox/reissue-handlers'
import { sessionHandlers } from './session/session-handlers'
import { viewHandlers } from './views/view-handlers'
import { triageHandlers } from './workspace/triage/triage-handlers'
import { contractDetailHandlers } from './workspace/detail/detail-handlers'
import { todayHandlers } from './workspace/today/today-handlers'
import { configureInsurer } from './connection/configure-insurer'
import { checkInsurers, type InsurerConnection } from './connection/insurer-status'
import type { SecretStore } from './insurer/settings'
import type { SyncController } from './scheduler/sync-controller'

export interface CoreDeps {
  database: DatabaseHandle
  /** Every rule that depends on time asks this clock, so tests can pin it. */
  now: () => Date
  version: string
  /** One per insurer the app can reach (the demo insurer when none is configured). */
  connections: ReadonlyArray<InsurerConnection>
  secrets: SecretStore
  sync: Pick<SyncController, 'status' | 'runNow' | 'configure'>
}

/** The backend behind the contract: plain Node, no Electron, no HTTP. */
export function createHandlers({
  database,
  now,
  version,
  connections,
  secrets,
  sync,
}: CoreDeps): Handlers {
  const { db } = database
  return {
    'app:info': async () => {
      const [insurers, contractCount, schema] = await Promise.all([
        listInsurers(db),
        countLiveContracts(db),
        schemaVersion(db),
      ])
      const dataSource =
        contractCount === 0 ? 'empty' : insurers.every((i) => i.is_demo) ? 'demo' : 'insurer'
      return {
        version,
        schemaVersion: schema,
        contractCount,
        dataSource,
        insurers: insurers.map((i) => ({
          id: i.id,
          name: i.name,
          isDemo: i.is_demo === 1,
          rules: ruleSetOf(i),
        })),
      }
    },
    'contracts:list': (input) => listContractPage(database, input, now()),
    'contracts:count': (input) => countContracts(db, input, now()),
    'insurer:status': async () => {
      const insurers = await listInsurers(db)
      return checkInsurers(
        insurers.map((i) => ({ id: i.id, name: i.name, isDemo: i.is_demo === 1 })),
        connections,
        now,
      )
    },
    'insurer:configure': (input) => configureInsurer(db, secrets, input, now()),
    ...reissueHandlers(database, now),
    ...sessionHandlers(db),
    ...todayHandlers(database, now),
    ...viewHandlers(db, now),
    ...triageHandlers(database, now),
    ...contractDetailHandlers(database, now),
    'sync:status': () => sync.status(),
    'sync:configure': ({ intervalMinutes }) => sync.configure(intervalMinutes),
    'sync:run': () => {
      sync.runNow()
      return sync.status()
    },
  }
}
