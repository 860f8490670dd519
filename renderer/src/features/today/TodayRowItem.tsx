import { Badge, Button, Checkbox, Group, Stack, Text } from '@mantine/core'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxItem } from '../../../../electron/common/api/contract'
import type { TodayRow } from '../../../../electron/common/api/contract-today'
import { UrgencyBadge } from '../contracts/UrgencyBadge'
import { cutoffCountdown } from './cutoff-countdown'
import classes from './TodayScreen.module.css'

const OUTBOX_COLOR: Record<OutboxItem['state'], string> = {
  queued: 'statusNeutral',
  sending: 'statusNeutral',
  accepted: 'statusOk',
  completed: 'statusOk',
  failed: 'statusAlert',
  outcome_unknown: 'statusCaution',
  needs_confirmation: 'statusCaution',
  cancelled: 'statusNeutral',
}

interface Props {
  /** The list's virtualiser measures each drawn row (heights vary with the reasons). */
  measureRef: (element: HTMLLIElement | null) => void
  row: TodayRow
  /** The row's place in the whole list, of `total`; only the rows in view are drawn. */
  index: number
  total: number
  now: Date
  active: boolean
  selected: boolean
  outbox: OutboxItem | undefined
  onActivate: (index: number) => void
  onToggle: (contractId: number) => void
  onOpen: (contractId: number) => void
  onReissue: (row: TodayRow) => void
}

/** One client to call: how urgent, why in words, what to do, who has it, what was asked. */
export const TodayRowItem = memo(function TodayRowItem({
  measureRef,
  row,
  index,
  total,
  now,
  active,
  selected,
  outbox,
  onActivate,
  onToggle,
  onOpen,
  onReissue,
}: Props) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language.startsWith('en') ? 'en' : 'ja'
  const countdown = cutoffCountdown(row.webCutoffAt, now)
  const first = row.reasons[0]
  return (
    <li
      ref={measureRef}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={classes.row}
      data-active={active || undefined}
      data-selected={selected || undefined}
      aria-current={active || undefined}
      data-testid="today-row"
      data-contract-id={row.contractId}
      data-urgency={row.urgency}
      data-flow={row.flow}
      onClick={() => {
        onActivate(index)
        onOpen(row.contractId)
      }}
    >
      <div className={classes.check} onClick={(e) => e.stopPropagation()}>
        <Checkbox
          tabIndex={-1}
          checked={selected}
          onChange={() => onToggle(row.contractId)}
          aria-label={t('today.select', { clientName: row.clientName })}
          data-testid="today-select"
        />
      </div>
      <Stack gap={4} className={classes.deadline}>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed" className="tabular" data-testid="today-rank">
            {t('today.rank', { rank: row.rank })}
          </Text>
          <UrgencyBadge bucket={row.urgency} />
        </Group>
        <Text
          size="sm"
          fw={600}
          data-testid="today-countdown"
          c={countdown.kind === 'passed' ? 'statusAlert' : undefined}
        >
          <time dateTime={row.webCutoffAt}>
            {countdown.kind === 'passed'
              ? t('today.countdown.passed', { date: countdown.date })
              : t(`today.countdown.${countdown.kind}`, countdown)}
          </time>
        </Text>
      </Stack>
      <Stack gap={2} className={classes.client}>
        <Text size="sm" fw={600} data-testid="today-client">
          {row.clientName}
        </Text>
        <Text size="xs" c="dimmed" lang="ja">
          {row.clientKana}
        </Text>
        <Text size="xs" c="dimmed" className="tabular">
          {row.policyNumber} · {row.insurerName}
        </Text>
      </Stack>
      <Stack gap={4} className={classes.reasons}>
        <ul className={classes.reasonList} data-testid="today-reasons">
          {row.reasons.map((reason) => (
            <li key={reason.code} data-code={reason.code} data-severity={reason.severity}>
              {reason.text[lang]}
            </li>
          ))}
        </ul>
        {first && (
          <Text size="xs" data-testid="today-next-action">
            <span className={classes.nextLabel}>{t('today.nextAction')}:</span>{' '}
            {first.nextAction[lang]}
          </Text>
        )}
      </Stack>
      <Text size="sm" className={classes.staff}>
        {row.staffName ?? t('today.unassigned')}
      </Text>
      <Stack gap={6} align="flex-end" className={classes.actions}>
        {outbox && (
          <Badge
            size="sm"
            radius="sm"
            variant="outline"
            color={OUTBOX_COLOR[outbox.state]}
            data-testid="today-outbox"
            data-state={outbox.state}
          >
            {t(`today.outbox.${outbox.state}`)}
          </Badge>
        )}
        <Button
          size="compact-xs"
          variant="default"
          tabIndex={-1}
          aria-keyshortcuts="R"
          aria-label={t('today.reissueFor', { clientName: row.clientName })}
          onClick={(e) => {
            e.stopPropagation()
            onActivate(index)
            onReissue(row)
          }}
          data-testid="today-reissue"
        >
          {t('today.reissueOne')}
        </Button>
      </Stack>
    </li>
  )
})
