import { DateInput, type DateInputProps } from '@mantine/dates'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import classes from './CalendarDateInput.module.css'
import { formatCalendarDate, parseCalendarDate } from './parse-calendar-date'

type Props = Omit<
  DateInputProps,
  'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate'
> & {
  /** 'YYYY-MM-DD' (a Japan calendar date), or empty for none. */
  value: string | undefined
  onChange: (value: string | null) => void
  minDate?: string | undefined
  maxDate?: string | undefined
}

/**
 * A date field with a calendar dropdown that can also be typed into (2026/12/24), and
 * cleared. Values stay 'YYYY-MM-DD' strings end to end: Mantine's string dates plus a
 * string parser, so the PC's time zone never moves the day.
 */
export function CalendarDateInput({ value, onChange, minDate, maxDate, ...rest }: Props) {
  const { t, i18n } = useTranslation()
  const ja = i18n.language !== 'en'
  return (
    <DateInput
      value={value || null}
      onChange={onChange}
      valueFormat={formatCalendarDate}
      dateParser={parseCalendarDate}
      placeholder={t('dates.placeholder')}
      clearable
      // Other months' days are grey (too faint to read) and only repeat the next page.
      hideOutsideDates
      classNames={{ day: classes.day }}
      clearButtonProps={{ 'aria-label': t('dates.clear') }}
      // Read out as a whole date: 2027年3月30日 火曜日 / Tuesday, March 30, 2027.
      getDayAriaLabel={(date) =>
        dayjs(date)
          .locale(ja ? 'ja' : 'en')
          .format(ja ? 'YYYY年M月D日 dddd' : 'dddd, MMMM D, YYYY')
      }
      monthLabelFormat={ja ? 'YYYY年M月' : 'MMMM YYYY'}
      yearLabelFormat={ja ? 'YYYY年' : 'YYYY'}
      monthsListFormat={ja ? 'M月' : 'MMM'}
      ariaLabels={{
        nextMonth: t('dates.nextMonth'),
        previousMonth: t('dates.previousMonth'),
        nextYear: t('dates.nextYear'),
        previousYear: t('dates.previousYear'),
        nextDecade: t('dates.nextDecade'),
        previousDecade: t('dates.previousDecade'),
        monthLevelControl: t('dates.monthLevel'),
        yearLevelControl: t('dates.yearLevel'),
      }}
      {...(minDate ? { minDate } : {})}
      {...(maxDate ? { maxDate } : {})}
      {...rest}
    />
  )
}
