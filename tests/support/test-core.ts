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
  /**
   * A generated book (seedDemoBook): its size, seed and the instant it is generated at; with
   * `tombstoneEvery`, every contract whose id is a multiple of it is deleted at that instant.
   */
  book?: { contracts: number; seed: number; now: number; tombstoneEvery?: number }
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
  if (book) {
    const { tombstoneEvery, ...seed } = book
    await seedDemoBook(core.database, seed)
    if (tombstoneEvery) {
      core.database.sqlite
        .prepare('UPDATE contracts SET deleted_at = ? WHERE id % ? = 0')
        .run(book.now, tombstoneEvery)
    }
  }
  return {
    ...core,
    stop: async () => {
      await core.close()
      dir.remove()
    },
  }
}
