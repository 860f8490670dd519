import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ContractDetail } from '../../../../electron/common/api/contract-detail'
import { siteStatus } from '../../../../electron/common/domain/insurer-rules'
import { formatJst } from '../../../../electron/common/domain/japan-time'
import { formatMaturity } from '../contracts/format'
import { countdown } from './countdown'
import { Field } from './Field'

/** Maturity, the web deadline with a live countdown, and the site's nightly closed hours. */
export function DeadlinePanel({ detail, now }: { detail: ContractDetail; now: Date }) {
  const { t } = useTranslation()
  const { rules } = detail.insurer
  const site = siteStatus(now, rules)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="detail-deadline-title">
      <Title order={3} size="h5" id="detail-deadline-title" mb="sm">
        {t('detail.deadline.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Field label={t('detail.deadline.maturity')} testId="detail-maturity">
          {formatMaturity(detail.maturityDate)}
        </Field>
        <Field label={t('detail.deadline.cutoff')} testId="detail-cutoff">
          <time dateTime={detail.webCutoffAt}>
            {formatJst(detail.webCutoffAt, 'yyyy/MM/dd HH:mm')}
          </time>{' '}
          <Text span size="xs" c="dimmed">
            {t('detail.deadline.jst')}
          </Text>
        </Field>
        <Field label={t('detail.deadline.inception')}>{formatMaturity(detail.inceptionDate)}</Field>
      </SimpleGrid>
      <Stack gap={6} mt="md">
        <CountdownLine detail={detail} now={now} />
        <Group gap="xs">
          <Text size="sm" data-testid="detail-site-hours">
            {t('detail.deadline.siteHours', {
              from: rules.siteClosedFrom,
              until: rules.siteClosedUntil,
            })}
          </Text>
          <Badge
            variant="outline"
            color={site.open ? 'statusOk' : 'statusCaution'}
            data-testid="detail-site-status"
            data-open={site.open}
          >
            {site.open
              ? t('detail.deadline.siteOpen')
              : t('detail.deadline.siteClosed', { time: formatJst(site.reopensAt, 'HH:mm') })}
          </Badge>
        </Group>
      </Stack>
    </Paper>
  )
}

function CountdownLine({ detail, now }: { detail: ContractDetail; now: Date }) {
  const { t } = useTranslation()
  // Renewed, lapsed or cancelled: no deadline to chase.
  if (detail.urgency === null) {
    return (
      <Text fw={600} data-testid="detail-countdown" data-state="settled">
        {t('detail.deadline.settled', { status: t(`renewalStatus.${detail.renewal.status}`) })}
      </Text>
    )
  }
  const left = countdown(Date.parse(detail.webCutoffAt), now.getTime())
  if (left.kind === 'passed') {
    const maturityPassed = formatJst(now, 'yyyy-MM-dd') > detail.maturityDate
    return (
      <Text fw={700} c="statusAlert" size="lg" data-testid="detail-countdown" data-state="passed">
        {maturityPassed ? t('detail.deadline.maturityPassed') : t('detail.deadline.passed')}
      </Text>
    )
  }
  const text =
    left.kind === 'days'
      ? t('detail.deadline.countdownDays', left)
      : left.kind === 'hours'
        ? t('detail.deadline.countdownHours', left)
        : t('detail.deadline.countdownMinutes', left)
  return (
    // role=timer: announced on request, not every second.
    <Text
      role="timer"
      fw={700}
      size="lg"
      className="tabular"
      c={left.kind === 'days' && left.days >= 3 ? undefined : 'statusCaution'}
      data-testid="detail-countdown"
      data-state="open"
    >
      {text}
    </Text>
  )
}
