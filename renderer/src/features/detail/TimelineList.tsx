import { Badge, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TimelineEntry } from '../../../../electron/common/api/contract-detail'
import { formatJst } from '../../../../electron/common/domain/japan-time'
import { timelineText } from './timeline-text'
import { useLang } from './use-lang'

const SOURCE_COLOR = { insurer: 'statusNeutral', staff: 'indigo', system: 'statusNeutral' } as const
/** Outbox states by what staff should feel: done, waiting, or needs a look. */
const OUTBOX_COLOR: Record<NonNullable<TimelineEntry['outboxState']>, string> = {
  queued: 'statusCaution',
  sending: 'statusCaution',
  accepted: 'statusOk',
  completed: 'statusOk',
  failed: 'statusAlert',
  outcome_unknown: 'statusAlert',
  needs_confirmation: 'statusAlert',
  cancelled: 'statusNeutral',
}

/** Everything that happened to the contract, newest first, each saying who and when (JST). */
export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('detail.timeline.empty')}
      </Text>
    )
  return (
    <Stack component="ol" gap={0} p={0} m={0} style={{ listStyle: 'none' }} data-testid="timeline">
      {entries.map((entry) => (
        <Group
          key={entry.key}
          component="li"
          gap="sm"
          wrap="nowrap"
          align="flex-start"
          py={8}
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
          data-testid="timeline-entry"
          data-label={entry.label}
          data-source={entry.source}
        >
          <Text
            component="time"
            dateTime={entry.at}
            size="sm"
            className="tabular"
            c="dimmed"
            style={{ flexShrink: 0, minWidth: 128 }}
          >
            {formatJst(entry.at, 'yyyy/MM/dd HH:mm')}
          </Text>
          <Badge
            size="sm"
            radius="sm"
            variant="outline"
            color={SOURCE_COLOR[entry.source]}
            style={{ flexShrink: 0, minWidth: 72 }}
          >
            {t(`detail.timeline.source.${entry.source}`)}
          </Badge>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {timelineText(entry, t, lang)}
              </Text>
              {entry.outboxState && (
                <Badge
                  size="sm"
                  radius="sm"
                  variant="outline"
                  color={OUTBOX_COLOR[entry.outboxState]}
                  data-testid="timeline-outbox-state"
                >
                  {t(`detail.timeline.outboxState.${entry.outboxState}`)}
                </Badge>
              )}
              {entry.staffName && (
                <Text size="xs" c="dimmed">
                  {t('detail.timeline.by', { name: entry.staffName })}
                </Text>
              )}
            </Group>
            {entry.body !== null && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {entry.body}
              </Text>
            )}
          </Stack>
        </Group>
      ))}
    </Stack>
  )
}
