import { describe, expect, it } from 'vitest'
import { formatJst } from '../../../electron/common/domain/japan-time'
import { formatCutoff } from '../../../renderer/src/features/contracts/format'

describe('formatCutoff', () => {
  it('reads a +09:00 time as written (the Japan wall clock)', () => {
    expect(formatCutoff('2026-12-01T23:55:00+09:00')).toBe('2026/12/01 23:55')
    expect(formatCutoff('2027-01-01T00:00:00.000+09:00')).toBe('2027/01/01 00:00')
  })

  it('moves any other offset to Japan time', () => {
    expect(formatCutoff('2026-12-01T14:55:00.000Z')).toBe('2026/12/01 23:55')
    expect(formatCutoff('2026-12-31T08:00:00-08:00')).toBe('2027/01/01 01:00')
  })

  it('agrees with the zone-aware formatter', () => {
    for (const iso of [
      '2026-02-28T23:59:59+09:00',
      '2026-06-30T15:00+09:00',
      '2026-06-30T06:00Z',
    ]) {
      expect(formatCutoff(iso)).toBe(formatJst(iso, 'yyyy/MM/dd HH:mm'))
    }
  })
})
