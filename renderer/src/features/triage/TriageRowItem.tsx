import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import type { TriageRow } from '../../../../electron/common/api/triage-schemas'
import { formatJst } from '../../../../electron/common/domain/japan-time'
import { formatElapsed } from '../../../../electron/common/domain/renewal-labels'
import { UrgencyBadge } from '../contracts/UrgencyBadge'
import { formatCutoff } from '../contracts/format'
import classes from './Triage.module.css'

export const TRIAGE_LINK_ATTR = 'data-triage-link'

/**
 * One stuck client, laid out for a phone call: who, what is wrong and since when, what to
 * say, and how long the web route stays open. The name is the link (Enter opens the
 * contract); a click anywhere on the card does the same for the mouse.
 */
export function TriageRowItem({ row }: { row: TriageRow }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'ja'
  const [, navigate] = useLocation()
  const href = `/contracts/${row.contractId}`
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      className={classes.row}
      data-testid="triage-row"
      data-reason={row.reasonCode}
      onClick={(event) => {
        // Let the link and selected text behave as usual; the rest of the card opens it.
        if ((event.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return
        navigate(href)
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="xs" align="baseline" wrap="wrap" miw={0}>
            <Anchor
              component={Link}
              href={href}
              fw={700}
              {...{ [TRIAGE_LINK_ATTR]: '' }}
              aria-label={t('triage.openDetail', { name: row.clientName })}
              data-testid="triage-client"
            >
              {t('palette.client', { name: row.clientName })}
            </Anchor>
            <Text size="xs" c="dimmed">
              {row.clientKana}
            </Text>
            <Text size="xs" className="tabular">
              {t('triage.policyNumber', { policyNumber: row.policyNumber })}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <UrgencyBadge bucket={row.urgency} />
            <Text size="sm" className="tabular" data-testid="triage-cutoff">
              {t('triage.cutoff', { time: formatCutoff(row.webCutoffAt) })}
            </Text>
          </Group>
        </Group>
        <Group gap="xs" wrap="wrap" align="baseline">
          <Text fw={600} c="statusAlert" data-testid="triage-reason">
            {row.reason[lang]}
          </Text>
          {row.deadline && (
            <Badge variant="outline" color="statusCaution" radius="sm" size="sm" tt="none">
              {row.deadline[lang]}
            </Badge>
          )}
          <Text size="sm" className="tabular" data-testid="triage-since">
            {row.since === null || row.elapsedMs === null
              ? t('triage.sinceUnknown')
              : `${t('triage.since', { time: formatJst(row.since, 'M/d HH:mm') })}・${t(
                  'triage.elapsed',
                  { span: formatElapsed(row.elapsedMs, lang) },
                )}`}
          </Text>
        </Group>
        <Text size="sm" data-testid="triage-advice">
          <Text span fw={600} size="sm">
            {t('triage.tellClient')}：
          </Text>
          {row.nextAction[lang]}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            row.staffName ? t('triage.staff', { name: row.staffName }) : t('triage.unassigned'),
            t(`triage.flow.${row.flow}`),
            row.insurerName,
          ].join('・')}
        </Text>
      </Stack>
    </Paper>
  )
}
