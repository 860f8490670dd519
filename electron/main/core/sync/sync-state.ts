import type BetterSqlite3 from 'better-sqlite3'

/**
 * Where a snapshot run stands. Stored in sync_state.snapshot_cursor as JSON because the run's
 * start instant must survive a restart with the cursor: it is the "seen in this run" marker
 * (contracts.synced_at ≥ runStartedAt) that decides which contracts the final sweep
 * tombstones. `next` null = every page is in, only the sweep is left.
 */
export interface SnapshotRun {
  runStartedAt: number
  next: string | null
}

export interface SyncStateRow {
  change_cursor: string | null
  snapshot_cursor: string | null
  snapshot_complete: 0 | 1
  last_attempt_at: number | null
  last_success_at: number | null
  last_error_code: string | null
  last_error_message: string | null
}

export function encodeSnapshotRun(run: SnapshotRun): string {
  return JSON.stringify({ v: 1, run: run.runStartedAt, next: run.next })
}

/** null when nothing usable is stored: the snapshot then starts over from page 1. */
export function decodeSnapshotRun(text: string | null): SnapshotRun | null {
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const run: unknown = Reflect.get(value, 'run')
    const next: unknown = Reflect.get(value, 'next')
    if (Reflect.get(value, 'v') !== 1 || !Number.isSafeInteger(run)) return null
    if (next !== null && typeof next !== 'string') return null
    return { runStartedAt: run as number, next }
  } catch {
    return null
  }
}

export interface SyncStateStore {
  /** Creates the row on first use (`at` = its updated_at). */
  read(at: number): SyncStateRow
  /** A snapshot page's cursor; the first page of a run also sets the feed's start. */
  saveSnapshotRun(run: SnapshotRun, changeCursor: string | undefined, at: number): void
  completeSnapshot(at: number): void
  saveChangeCursor(cursor: string, at: number): void
  /** 410 or an unusable snapshot cursor: the next run starts from an empty snapshot state. */
  resetSnapshot(at: number): void
  recordAttempt(at: number): void
  recordSuccess(at: number): void
  recordFailure(at: number, code: string, message: string): void
}

/** Statements over the one sync_state row of an insurer; the row is created on first use. */
export function prepareSyncState(
  sqlite: BetterSqlite3.Database,
  insurerId: string,
): SyncStateStore {
  const ensure = sqlite.prepare(
    'INSERT OR IGNORE INTO sync_state (insurer_id, snapshot_complete, updated_at) VALUES (?, 0, ?)',
  )
  const select = sqlite.prepare<[string], SyncStateRow>(
    `SELECT change_cursor, snapshot_cursor, snapshot_complete, last_attempt_at, last_success_at,
       last_error_code, last_error_message FROM sync_state WHERE insurer_id = ?`,
  )
  const update = (assignments: string) =>
    sqlite.prepare(`UPDATE sync_state SET ${assignments}, updated_at = @at WHERE insurer_id = @id`)
  const saveRun = update('snapshot_cursor = @cursor')
  const saveRunAndFeed = update('snapshot_cursor = @cursor, change_cursor = @feed')
  const complete = update('snapshot_cursor = NULL, snapshot_complete = 1')
  const saveFeed = update('change_cursor = @cursor')
  const reset = update('snapshot_cursor = NULL, snapshot_complete = 0, change_cursor = NULL')
  const attempt = update('last_attempt_at = @at')
  const success = update('last_success_at = @at, last_error_code = NULL, last_error_message = NULL')
  const failure = update('last_error_code = @code, last_error_message = @message')
  const id = insurerId

  return {
    read(at) {
      ensure.run(id, at)
      const row = select.get(id)
      if (!row) throw new Error(`sync_state row for ${id} vanished`)
      return row
    },
    saveSnapshotRun(run, changeCursor, at) {
      const cursor = encodeSnapshotRun(run)
      if (changeCursor === undefined) saveRun.run({ id, at, cursor })
      else saveRunAndFeed.run({ id, at, cursor, feed: changeCursor })
    },
    completeSnapshot: (at) => void complete.run({ id, at }),
    saveChangeCursor: (cursor, at) => void saveFeed.run({ id, at, cursor }),
    resetSnapshot: (at) => void reset.run({ id, at }),
    recordAttempt: (at) => void attempt.run({ id, at }),
    recordSuccess: (at) => void success.run({ id, at }),
    recordFailure: (at, code, message) => void failure.run({ id, at, code, message }),
  }
}
