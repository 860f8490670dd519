import { Badge, Stack, Text, Tooltip } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { InsurerStatus } from '../../../electron/common/api/contract'
import { formatJst } from '../../../electron/common/domain/japan-time'
import { useApi } from '../api/ApiProvider'

type Entry = InsurerStatus['insurers'][number]
type State = Entry['state']

/** Worst first: the badge shows the state that most needs the user's attention. */
const SEVERITY: readonly State[] = [
  'unauthorized',
  'offline',
  'error',
  'busy',
  'site_closed',
  'not_configured',
  'connected',
]
const COLOR: Record<State, string> = {
  connected: 'statusOk',
  site_closed: 'statusCaution',
  busy: 'statusCaution',
  offline: 'statusAlert',
  unauthorized: 'statusAlert',
  error: 'statusAlert',
  not_configured: 'statusNeutral',
}

const REFRESH_MS = 60_000

/** Whether the app can reach the insurer right now; the details are one hover away. */
export function InsurerConnectionBadge() {
  const { t } = useTranslation()
  const api = useApi()
  const status = useQuery({
    queryKey: ['insurer', 'status'],
    queryFn: () => api.insurer.status({}),
    refetchInterval: REFRESH_MS,
  })
  const entries = status.data?.insurers ?? []
  if (entries.length === 0) {
    return status.isPending ? (
      <Badge color="statusNeutral" variant="outline">
        {t('header.connection.checking')}
      </Badge>
    ) : null
  }
  const worst = [...entries].sort(
    (a, b) => SEVERITY.indexOf(a.state) - SEVERITY.indexOf(b.state),
  )[0]!
  const stateLabel = (e: Entry) =>
    e.state === 'site_closed'
      ? t('header.connection.site_closed', {
          time: e.reopensAt ? formatJst(e.reopensAt, 'HH:mm') : '—',
        })
      : t(`header.connection.${e.state}`)
  const label =
    worst.state === 'connected' && entries.every((e) => e.isDemo)
      ? t('header.connection.connectedDemo')
      : stateLabel(worst)
  const details = (
    <Stack gap={2}>
      {entries.map((e) => (
        <Text key={e.id} size="xs">
          {t('header.connection.detail', {
            insurer: e.name,
            state: stateLabel(e),
            endpoint: e.endpoint ?? '—',
            checkedAt: e.checkedAt ? formatJst(e.checkedAt, 'HH:mm') : '—',
          })}
        </Text>
      ))}
      {worst.state === 'offline' && <Text size="xs">{t('header.connection.offlineHint')}</Text>}
    </Stack>
  )
  return (
    <Tooltip label={details} multiline w={380}>
      <Badge
        color={COLOR[worst.state]}
        variant="outline"
        data-testid="insurer-connection"
        data-state={worst.state}
      >
        {label}
      </Badge>
    </Tooltip>
  )
}
