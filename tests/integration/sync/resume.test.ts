import { afterEach, describe, expect, it } from 'vitest'
import { scalar, startSyncHarness, syncStateRow, type SyncHarness } from './harness'

/** A quit or crash mid-snapshot: the next start goes on from the last committed page. */
describe('sync × demo insurer: resumable initial sync', () => {
  let h: SyncHarness
  afterEach(() => h.close())

  const contractPages = (cursorless: boolean) =>
    h.requests.filter((r) => r.path === '/v1/contracts' && (r.cursor === null) === cursorless)

  it('aborted after 3 pages, resumes without re-reading page 1', async () => {
    h = await startSyncHarness({ contracts: 1000 })
    const quit = new AbortController()
    const first = h.sync({
      signal: quit.signal,
      onProgress: (p) => {
        if (p.phase === 'snapshot' && p.done >= 300) quit.abort()
      },
    })
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
    const state = syncStateRow(h.database)
    expect(state).toMatchObject({ snapshot_complete: 0, last_error_code: null })
    expect(state.snapshot_cursor).toEqual(expect.any(String))
    expect(state.change_cursor).toEqual(expect.any(String))
    expect(scalar(h.database, 'SELECT count(*) AS n FROM contracts')).toBe(300)
    expect(contractPages(true)).toHaveLength(1)

    h.requests.length = 0
    const summary = await h.sync()
    expect(summary).toMatchObject({ snapshotComplete: true, contractsUpserted: 700, tombstoned: 0 })
    expect(contractPages(true)).toHaveLength(0)
    expect(contractPages(false)).toHaveLength(7)
    const { cache, insurer } = h.hashes()
    expect(cache).toEqual(insurer)
    expect(cache.contracts).toBe(1000)
  })

  it('a page limit spreads the snapshot over several calls; a crash inside a page replays it harmlessly', async () => {
    h = await startSyncHarness({ contracts: 500 })
    const partial = await h.sync({ maxSnapshotPages: 2 })
    expect(partial).toMatchObject({ snapshotComplete: false, hasMore: true, pages: 2 })
    expect(syncStateRow(h.database).last_success_at).toBeNull()

    // Simulate a crash after the second page's rows but before its cursor: rewind the cursor.
    const afterOne = h.requests.filter((r) => r.path === '/v1/contracts')[1]?.cursor
    expect(afterOne).toEqual(expect.any(String))
    const stored = JSON.parse(String(syncStateRow(h.database).snapshot_cursor)) as { next: string }
    stored.next = String(afterOne)
    h.database.sqlite
      .prepare('UPDATE sync_state SET snapshot_cursor = ?')
      .run(JSON.stringify(stored))

    const rest = await h.sync()
    expect(rest).toMatchObject({ snapshotComplete: true, contractsUpserted: 300, tombstoned: 0 })
    expect(h.hashes().cache).toEqual(h.hashes().insurer)
  })

  it('starts the snapshot over when the insurer no longer knows the saved cursor', async () => {
    h = await startSyncHarness({ contracts: 300 })
    await h.sync({ maxSnapshotPages: 1 })
    // A cursor from another run of the insurer (it restarted): 400 → start over, once.
    h.database.sqlite.prepare('UPDATE sync_state SET snapshot_cursor = ?').run(
      JSON.stringify({
        v: 1,
        run: Date.now() - 1000,
        next: 'eyJrIjoicCIsInIiOiJ4IiwicCI6MTAwfQ',
      }),
    )
    const summary = await h.sync()
    expect(summary.snapshotComplete).toBe(true)
    expect(h.hashes().cache).toEqual(h.hashes().insurer)
    expect(
      scalar(h.database, 'SELECT count(*) AS n FROM contracts WHERE deleted_at IS NOT NULL'),
    ).toBe(0)
  })
})
