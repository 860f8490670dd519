import { describe, expect, it } from 'vitest'
import { decodeSnapshotRun, encodeSnapshotRun } from '../../../electron/main/core/sync/sync-state'
import { chunks, etaMs } from '../../../electron/main/core/sync/sync-run'

describe('snapshot run in sync_state.snapshot_cursor', () => {
  it('round-trips, with or without a next page', () => {
    for (const run of [
      { runStartedAt: 1_700_000_000_000, next: 'eyJrIjoicCJ9' },
      { runStartedAt: 1, next: null },
    ]) {
      expect(decodeSnapshotRun(encodeSnapshotRun(run))).toEqual(run)
    }
  })

  it('treats anything else as "start over"', () => {
    for (const text of [
      null,
      '',
      'raw-cursor',
      '{"v":2,"run":1,"next":null}',
      '{"v":1,"run":"x","next":null}',
      '{"v":1,"run":1,"next":5}',
      'null',
    ]) {
      expect(decodeSnapshotRun(text)).toBeNull()
    }
  })
})

describe('paging helpers', () => {
  it('splits a page into transactions, the cursor going with the last', () => {
    expect([...chunks([1, 2, 3, 4, 5], 2)]).toEqual([
      [[1, 2], false],
      [[3, 4], false],
      [[5], true],
    ])
    expect([...chunks([], 2)]).toEqual([[[], true]])
  })

  it('estimates the time left only with a total', () => {
    expect(etaMs(250, 1000, 1000)).toBe(3000)
    expect(etaMs(250, null, 1000)).toBeNull()
    expect(etaMs(0, 1000, 10)).toBeNull()
  })
})
