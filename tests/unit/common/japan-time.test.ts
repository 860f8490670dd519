import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatJst, jstToday, toJstIso } from '../../../electron/common/domain/japan-time'

describe('Japan time formatting', () => {
  it('toJstIso agrees with the zone database for any instant from 1960 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const zoned = format(new TZDate(ms, 'Asia/Tokyo'), "yyyy-MM-dd'T'HH:mm:ssxxx")
        expect(toJstIso(ms)).toBe(zoned)
      }),
      { numRuns: 2000 },
    )
  })

  it('toJstIso gives the same answer when asked again, for a Date, a number or a string, and after its memory of recent instants is emptied', () => {
    const zoned = (ms: number) => format(new TZDate(ms, 'Asia/Tokyo'), "yyyy-MM-dd'T'HH:mm:ssxxx")
    // More distinct instants than the memory holds, each asked twice in three forms.
    const instants = Array.from(
      { length: 9000 },
      (_, i) => Date.UTC(2027, 2, 30, 14, 55) + i * 60_000,
    )
    for (const round of [1, 2]) {
      for (const ms of instants) {
        const expected = zoned(ms)
        expect(toJstIso(ms), `round ${round}`).toBe(expected)
        expect(toJstIso(new Date(ms))).toBe(expected)
        expect(toJstIso(new Date(ms).toISOString())).toBe(expected)
      }
    }
    expect(() => toJstIso(Number.NaN)).toThrow(RangeError)
  })

  it('formatJst agrees with the zone database for every pattern the app uses, and others', () => {
    const patterns = [
      'yyyy-MM-dd HH:mm',
      'M/d HH:mm',
      'HH:mm',
      'yyyy-MM-dd',
      'yyyy/MM/dd HH:mm',
      'yyyy年M月d日 HH時mm分',
      // Not wall-clock tokens only: through date-fns and the zone.
      'EEE M/d',
      "yyyy-MM-dd'T'HH:mm:ss",
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...patterns),
        (ms, pattern) => {
          expect(formatJst(ms, pattern)).toBe(format(new TZDate(ms, 'Asia/Tokyo'), pattern))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('rolls the date over at 15:00 UTC', () => {
    expect(jstToday(new Date('2026-12-31T14:59:59Z'))).toBe('2026-12-31')
    expect(jstToday(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01')
    expect(formatJst(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01 00:00')
  })
})
