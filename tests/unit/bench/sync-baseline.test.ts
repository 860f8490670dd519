import { describe, expect, it } from 'vitest'
import { freshDatabase, rawUpsert } from '../../bench/sync.bench'
import { staleCopies } from '../../support/state-copies'
import { tempDir } from '../../support/temp-db'
import { sampleContract } from '../insurer/fixtures'

describe('the initial-sync benchmark baseline (rawUpsert)', () => {
  // It writes positional rows into the current schema: a migration that adds columns must
  // not break it unseen (0013 did, until the columns were named).
  it('writes every contract with its mail and progress rows, in transactions of any size', async () => {
    const dir = tempDir()
    const database = await freshDatabase(dir.file('baseline.sqlite'))
    try {
      // A staff code the demo reference data has (the baseline assigns as the sync does).
      const contracts = ['P-1', 'P-2', 'P-3'].map((n) => ({
        ...sampleContract(n),
        agentStaffCode: 'st-001',
      }))
      rawUpsert(database.sqlite, contracts, 2)
      const count = (table: string) =>
        database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
      expect(count('contracts')).toBe(3)
      expect(count('credential_mail_state')).toBe(3)
      expect(count('renewal_progress')).toBe(3)
      expect(count('contract_search')).toBe(3)
      expect(staleCopies(database.sqlite)).toEqual([])
    } finally {
      await database.close()
      dir.remove()
    }
  })
})
