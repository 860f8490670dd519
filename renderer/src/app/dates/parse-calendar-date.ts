import { CalendarDate } from '../../../../electron/common/domain/insurer-rules'

/**
 * A typed date as a 'YYYY-MM-DD' calendar date, or null. Pure string work: no Date object,
 * so the PC's time zone can never shift the day. Accepts what staff type: 2026/12/24,
 * 2026-12-24, 2026.12.24, 2026年12月24日, 20261224, full-width digits from the IME.
 */
export function parseCalendarDate(text: string): string | null {
  const plain = text.normalize('NFKC').trim()
  const match =
    /^(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?$/.exec(plain) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(plain)
  if (!match) return null
  const [, year, month, day] = match
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`
  return CalendarDate.safeParse(date).success ? date : null
}

/** How a calendar date is shown in the input: 2026/12/24 (same in both languages). */
export const formatCalendarDate = (date: string) => date.replaceAll('-', '/')
