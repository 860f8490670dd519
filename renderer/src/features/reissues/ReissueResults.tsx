import { Badge, Button, Group, List, ScrollArea, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { messageIn, type ReissueOutcome, type ReissueTarget } from './send-reissues'

const LOOK = {
  queued: { color: 'statusOk', key: 'reissue.badge.queued' },
  refused: { color: 'statusCaution', key: 'reissue.badge.refused' },
  error: { color: 'statusAlert', key: 'reissue.badge.error' },
} as const

/** Each contract's outcome: queued (perhaps until the insurer is back), refused and why, or an error. */
export function ReissueResults({
  contracts,
  outcomes,
  insurerDown,
  onClose,
}: {
  contracts: readonly ReissueTarget[]
  outcomes: readonly ReissueOutcome[]
  insurerDown: boolean
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const byId = new Map(contracts.map((c) => [c.id, c]))
  const count = (status: ReissueOutcome['status']) =>
    outcomes.filter((o) => o.status === status).length
  return (
    <Stack gap="md" data-testid="reissue-results">
      <Text size="sm" fw={500} role="status" data-testid="reissue-summary">
        {t('reissue.summary', {
          queued: count('queued'),
          refused: count('refused'),
          failed: count('error'),
        })}
      </Text>
      <ScrollArea.Autosize mah={320}>
        <List spacing="sm" listStyleType="none" p={0}>
          {outcomes.map((outcome) => {
            const target = byId.get(outcome.contractId)
            const look = LOOK[outcome.status]
            const detail =
              outcome.status === 'queued'
                ? insurerDown
                  ? t('reissue.result.queuedOffline')
                  : t('reissue.result.queued')
                : outcome.status === 'refused'
                  ? messageIn(outcome.message, i18n.language)
                  : t(`errors.${outcome.errorKey}`)
            return (
              <List.Item
                key={outcome.contractId}
                data-testid="reissue-result"
                data-status={outcome.status}
                data-offline={outcome.status === 'queued' && insurerDown ? true : undefined}
              >
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="outline" color={look.color} radius="sm" style={{ flexShrink: 0 }}>
                    {t(look.key)}
                  </Badge>
                  <div>
                    <Text size="sm" fw={500}>
                      {target
                        ? `${target.clientName}（${target.policyNumber}）`
                        : outcome.contractId}
                    </Text>
                    <Text size="sm">{detail}</Text>
                  </div>
                </Group>
              </List.Item>
            )
          })}
        </List>
      </ScrollArea.Autosize>
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus data-testid="reissue-close">
          {t('reissue.close')}
        </Button>
      </Group>
    </Stack>
  )
}
