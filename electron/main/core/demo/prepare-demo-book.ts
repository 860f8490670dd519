import { demoReferenceData } from '../../../../demo-data'
import type { DatabaseHandle } from '../../../../db/connection'
import { writeReferenceData } from './reference-rows'
import { DEMO_BOOK_SETTING, type DemoBook } from './seed-demo'

/**
 * A fresh install without a configured insurer: write the demo insurers, branches and staff
 * (who the contracts will be assigned to) and the book the demo insurer will serve — but no
 * contracts. Those arrive through the first sync, the same path real data takes.
 */
export function prepareDemoBook(database: DatabaseHandle, book: DemoBook): void {
  const { sqlite } = database
  sqlite.transaction(() => {
    writeReferenceData(sqlite, demoReferenceData(book.seed), book.now)
    sqlite
      .prepare('INSERT OR REPLACE INTO app_settings (key, value) VALUES (?, ?)')
      .run(DEMO_BOOK_SETTING, JSON.stringify(book))
  })()
}
