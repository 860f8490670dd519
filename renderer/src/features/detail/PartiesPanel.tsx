import { Divider, Paper, SimpleGrid, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ContractDetail } from '../../../../electron/common/api/contract-detail'
import { Field } from './Field'

/** Who is who on the contract, and how to reach the policyholder. */
export function PartiesPanel({ detail }: { detail: ContractDetail }) {
  const { t } = useTranslation()
  const { client } = detail
  const orNone = (value: string | null) => value ?? t('detail.parties.none')
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="detail-parties-title">
      <Title order={3} size="h5" id="detail-parties-title" mb="sm">
        {t('detail.parties.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label={t('detail.parties.client')}>
          {client.nameKanji}（<span lang="ja">{client.nameKana}</span>）
        </Field>
        <Field label={t('detail.parties.phone')} testId="detail-phone">
          {orNone(client.phone)}
        </Field>
        <Field label={t('detail.parties.email')}>{orNone(client.email)}</Field>
        <Field label={t('detail.parties.address')}>
          {client.postcode ? `〒${client.postcode} ` : ''}
          {orNone(client.address)}
        </Field>
      </SimpleGrid>
      <Divider my="sm" />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Field label={t('detail.parties.namedInsured')}>
          {detail.namedInsured.name}（<span lang="ja">{detail.namedInsured.kana}</span>）
        </Field>
        <Field label={t('detail.parties.vehicleOwner')}>{detail.vehicleOwnerName}</Field>
        <Field label={t('detail.parties.vehicle')}>{detail.vehicle.name}</Field>
        <Field label={t('detail.parties.plate')}>{detail.vehicle.plate}</Field>
      </SimpleGrid>
    </Paper>
  )
}
