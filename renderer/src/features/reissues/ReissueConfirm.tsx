import { Button, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { kindFor, type ReissueChoice } from './reissue-kinds'
import type { ReissueTarget } from './send-reissues'

/** What goes to whom, one line per contract, before anything is sent. */
export function ReissueConfirm({
  contracts,
  choice,
  single,
  staffName,
  sending,
  onBack,
  onSend,
}: {
  contracts: readonly ReissueTarget[]
  choice: ReissueChoice
  single: boolean
  staffName: string
  sending: boolean
  onBack: () => void
  onSend: () => void
}) {
  const { t } = useTranslation()
  const kind = kindFor(choice)
  const email = single ? choice.email.trim() : ''
  return (
    <Stack gap="md" data-testid="reissue-confirm">
      <Title order={3} size="h5">
        {t('reissue.confirmTitle')}
      </Title>
      <ScrollArea.Autosize mah={280}>
        <Table striped withTableBorder verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('today.policy')}</Table.Th>
              <Table.Th>{t('reissue.contracts')}</Table.Th>
              <Table.Th>{t('reissue.confirmWhat')}</Table.Th>
              <Table.Th>{t('reissue.confirmTo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contracts.map((c) => (
              <Table.Tr key={c.id} data-testid="reissue-confirm-row">
                <Table.Td className="tabular">{c.policyNumber}</Table.Td>
                <Table.Td>{c.clientName}</Table.Td>
                <Table.Td>{t(`reissue.kinds.${kind(c.flow)}`)}</Table.Td>
                <Table.Td>
                  {email ? t('reissue.toCorrected', { email }) : t('reissue.toRegistered')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="reissue-confirm-reason">
        {t('reissue.confirmReason', { reason: choice.reason.trim() })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('reissue.requestedBy', { name: staffName })}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack} disabled={sending}>
          {t('reissue.back')}
        </Button>
        <Button onClick={onSend} loading={sending} data-autofocus data-testid="reissue-send">
          {t('reissue.send', { count: contracts.length })}
        </Button>
      </Group>
    </Stack>
  )
}
