import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { ContractDetail } from '../../../../electron/common/api/contract-detail'
import { UrgencyBadge } from '../contracts/UrgencyBadge'
import { contractsListPath } from '../contracts/use-list-url'

export function BackLink() {
  const { t } = useTranslation()
  return (
    // Back to the list as it was left (its filters live in the URL).
    <Anchor component={Link} href={contractsListPath()} size="sm" data-testid="detail-back">
      ← {t('detail.back')}
      <Text span size="xs" c="dimmed" ml={6}>
        （{t('detail.backHint')}）
      </Text>
    </Anchor>
  )
}

/** Who the client is, which policy, who owns it, and how urgent it is; actions on the right. */
export function DetailHeader({ detail, actions }: { detail: ContractDetail; actions?: ReactNode }) {
  const { t } = useTranslation()
  const item = (label: string, value: ReactNode, testId?: string) => (
    <Text size="sm" data-testid={testId}>
      <Text span size="sm" c="dimmed">
        {label}：
      </Text>
      {value}
    </Text>
  )
  return (
    <Stack gap={6}>
      <BackLink />
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm" align="baseline">
            <Title order={2} size="h3" data-testid="detail-client-name">
              {t('detail.title', { clientName: detail.client.nameKanji })}
            </Title>
            <Text size="sm" c="dimmed" lang="ja">
              {detail.client.nameKana}
            </Text>
            {detail.urgency !== null ? (
              <UrgencyBadge bucket={detail.urgency} />
            ) : (
              <Badge size="sm" radius="sm" variant="outline" color="statusNeutral">
                {t(`renewalStatus.${detail.renewal.status}`)}
              </Badge>
            )}
          </Group>
          <Group gap="lg" wrap="wrap">
            {item(t('detail.header.policyNumber'), detail.policyNumber, 'detail-policy-number')}
            {item(t('detail.header.insurer'), detail.insurer.name)}
            {item(t('detail.header.flow'), t(`flows.${detail.flow}`))}
            {item(
              t('detail.header.staff'),
              detail.staff?.name ?? t('detail.header.unassigned'),
              'detail-staff',
            )}
            {detail.branch && item(t('detail.header.branch'), detail.branch.name)}
            {item(t('detail.header.status'), t(`renewalStatus.${detail.renewal.status}`))}
            {detail.renewal.renewedPolicyNumber &&
              item(t('detail.header.renewedPolicyNumber'), detail.renewal.renewedPolicyNumber)}
          </Group>
        </Stack>
        {actions}
      </Group>
    </Stack>
  )
}
