import type { DatabaseHandle } from '../../../../db/connection'
import { countLiveContracts } from '../../../../db/queries/contracts'
import { createLogger } from '../logger'
import { prepareDemoBook } from './prepare-demo-book'
import { seedDemoBook } from './seed-demo'

const log = createLogger('first-start')

/** A new user's first start shows a working app on this many generated contracts. */
export const FIRST_START_DEMO_CONTRACTS = 3000
export const FIRST_START_DEMO_SEED = 20261123

/**
 * On an empty install (no contracts, no insurer set up) give the user a working demo.
 * With the demo insurer available, only its reference rows and book are written here; the
 * contracts arrive through the first sync, the same path real data takes. Without it (the
 * web host's --no-demo-insurer), the book is generated straight into the cache.
 */
export async function fillEmptyInstall(
  database: DatabaseHandle,
  options: { demoInsurerAvailable: boolean; now: number },
): Promise<void> {
  const insurers = await database.db
    .selectFrom('insurers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (Number(insurers.n) > 0 || (await countLiveContracts(database.db)) > 0) return
  const book = {
    contracts: FIRST_START_DEMO_CONTRACTS,
    seed: FIRST_START_DEMO_SEED,
    now: options.now,
  }
  if (options.demoInsurerAvailable) {
    log.info('empty install: the demo insurer will fill the cache', { contracts: book.contracts })
    prepareDemoBook(database, book)
  } else {
    log.info('empty install: generating the demo book locally', { contracts: book.contracts })
    await seedDemoBook(database, book)
  }
}
