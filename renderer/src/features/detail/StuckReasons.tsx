import { Badge, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { StuckReasonView } from '../../../../electron/common/api/contract-detail'
import { useLang } from './use-lang'

const SEVERITY_COLOR = { critical: 'red.9', warning: 'statusCaution', notice: 'gray' } as const

/** Why the contract needs a call, each with what to do next, most severe first. */
export function StuckReasons({ reasons }: { reasons: StuckReasonView[] }) {
  const { t } = useTranslation()
  const lang = useLang()
  if (reasons.length === 0)
    return (
      <Text size="sm" data-testid="stuck-none">
        {t('detail.stuck.none')}
      </Text>
    )
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {reasons.map((reason) => (
        <li key={reason.code} data-testid="stuck-reason" data-code={reason.code}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge
              size="sm"
              radius="sm"
              color={SEVERITY_COLOR[reason.severity]}
              variant={reason.severity === 'critical' ? 'filled' : 'outline'}
              style={{ flexShrink: 0 }}
            >
              {t(`detail.stuck.severity.${reason.severity}`)}
            </Badge>
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {reason.text[lang]}
              </Text>
              <Text size="sm">
                <Text span size="sm" c="dimmed">
                  {t('detail.stuck.next')}
                </Text>
                {reason.nextAction[lang]}
              </Text>
            </Stack>
          </Group>
        </li>
      ))}
    </Stack>
  )
}
