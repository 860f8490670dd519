import { fireEvent, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CalendarDateInput } from '../../renderer/src/app/dates/CalendarDateInput'
import { parseCalendarDate } from '../../renderer/src/app/dates/parse-calendar-date'
import type { Language } from '../../renderer/src/i18n/i18n'
import { render } from './render'

// A PC in Los Angeles, where a Date-based conversion of a Japan calendar date would move
// the day (Node applies a TZ change at once; the web tsconfig has no Node types).
declare const process: { env: Record<string, string | undefined> }
const zone = process.env.TZ
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles'
})
afterAll(() => {
  if (zone === undefined) delete process.env.TZ
  else process.env.TZ = zone
})

function setup(initial: string | undefined, language: Language = 'ja') {
  const onChange = vi.fn()
  function Field() {
    const [value, setValue] = useState(initial)
    return (
      <CalendarDateInput
        label="連絡日"
        value={value}
        onChange={(next) => {
          onChange(next)
          setValue(next ?? undefined)
        }}
      />
    )
  }
  render(<Field />, { language })
  return { onChange, input: screen.getByLabelText('連絡日') as HTMLInputElement }
}

describe('CalendarDateInput', () => {
  it('parses what staff type, as calendar dates only', () => {
    expect(parseCalendarDate('2027/3/30')).toBe('2027-03-30')
    expect(parseCalendarDate('２０２７年３月３０日')).toBe('2027-03-30')
    expect(parseCalendarDate('20270330')).toBe('2027-03-30')
    expect(parseCalendarDate('2027-02-30')).toBeNull()
    expect(parseCalendarDate('30/03/2027')).toBeNull()
  })

  it('typing a date gives YYYY-MM-DD and shows it as 2027/03/30', async () => {
    const { onChange, input } = setup(undefined)
    expect(input.placeholder).toBe('年/月/日')
    fireEvent.change(input, { target: { value: '2027年3月30日' } })
    expect(onChange).toHaveBeenLastCalledWith('2027-03-30')
    fireEvent.blur(input)
    await waitFor(() => expect(input.value).toBe('2027/03/30'))
  })

  it('picks a day from a Japanese calendar without moving it through the PC zone', async () => {
    expect(new Date(2027, 2, 31).getTimezoneOffset()).toBe(420) // really in Los Angeles (PDT)
    const { onChange, input } = setup('2027-03-29')
    expect(input.value).toBe('2027/03/29')
    fireEvent.click(input)
    expect(await screen.findByText('2027年3月')).toBeTruthy()
    expect(screen.getByText('日')).toBeTruthy() // weeks start on Sunday
    fireEvent.click(screen.getByRole('button', { name: '2027年3月31日 水曜日' }))
    expect(onChange).toHaveBeenLastCalledWith('2027-03-31')
    await waitFor(() => expect(input.value).toBe('2027/03/31'))
  })

  it('clears with the clear button', async () => {
    const { onChange, input } = setup('2027-03-29')
    fireEvent.click(screen.getByRole('button', { name: '日付を消す' }))
    expect(onChange).toHaveBeenLastCalledWith(null)
    await waitFor(() => expect(input.value).toBe(''))
  })

  it('speaks English when the UI is English', async () => {
    const { input } = setup('2027-03-29', 'en')
    expect(input.placeholder).toBe('YYYY/MM/DD')
    fireEvent.click(input)
    expect(await screen.findByText('March 2027')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Wednesday, March 31, 2027' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Clear date' })).toBeTruthy()
  })
})
