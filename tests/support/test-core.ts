import { seedDemoBook } from '../../electron/main/core/demo/seed-demo'
import {
  startCore,
  type RunningCore,
  type StartCoreOptions,
} from '../../electron/main/core/start-core'
import { tempDir } from './temp-db'

/** A running core whose stop() also deletes its database folder. */
export interface TestCore extends RunningCore {
  stop(): Promise<void>
}

export interface TestCoreOptions extends Partial<Omit<StartCoreOptions, 'databasePath'>> {
  /** A generated book (seedDemoBook): its size, seed and the instant it is generated at. */
  book?: { contracts: number; seed: number; now: number }
}

/**
 * A core on a fresh database in a temp folder of its own, for one test file: the install's
 * demo book with `seedDemoWhenEmpty`, or a generated `book`.
 */
export async function startTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const { book, ...start } = options
  const dir = tempDir()
  const core = await startCore({
    version: 't',
    seedDemoWhenEmpty: false,
    ...start,
    databasePath: dir.file('core.sqlite'),
  })
  if (book) await seedDemoBook(core.database, book)
  return {
    ...core,
    stop: async () => {
      await core.close()
      dir.remove()
    },
  }
}
