import { Group, Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatJst, toJstIso } from '../../../electron/common/domain/japan-time'

/**
 * Deadlines are Japan time, so the clock staff compare them with must be too — even on a
 * PC set to another zone. formatJst never reads the PC's zone.
 */
export function JstClock({ now }: { now: Date }) {
  const { t } = useTranslation()
  return (
    <Group gap={6} wrap="nowrap" title={t('header.clockTitle')} data-testid="jst-clock">
      <Text size="xs" fw={700} c="dimmed" aria-hidden>
        {t('header.clockLabel')}
      </Text>
      <Text
        size="sm"
        className="tabular"
        component="time"
        dateTime={toJstIso(now)}
        style={{ whiteSpace: 'nowrap' }}
      >
        <VisuallyHidden>{t('header.clockTitle')} </VisuallyHidden>
        {formatJst(now, 'yyyy/MM/dd HH:mm')}
      </Text>
    </Group>
  )
}
