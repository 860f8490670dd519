import { Alert, Button, Center, Grid, Loader, Stack, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import { ApiCallError } from '../../api/client'
import { contractsListPath } from '../contracts/use-list-url'
import { ReissueDialog } from '../reissues/ReissueDialog'
import { errorKeyOf } from '../../api/errors'
import { BackLink, DetailHeader } from './DetailHeader'
import { DeadlinePanel } from './DeadlinePanel'
import { DetailSection } from './DetailSection'
import { FollowUpPanel } from './FollowUpPanel'
import { NotesPanel } from './NotesPanel'
import { PartiesPanel } from './PartiesPanel'
import { ReassignPanel } from './ReassignPanel'
import { StepTracker } from './StepTracker'
import { StuckReasons } from './StuckReasons'
import { TimelineList } from './TimelineList'
import { useContractDetail, useDetailMutations, type ContractDetail } from './use-contract-detail'
import { useCoreNow } from './use-core-now'
import { useEscapeBack } from './use-escape-back'
import { useLang } from './use-lang'

/** 契約詳細 at /contracts/:id: everything staff need while the client is on the phone. */
export function ContractDetailScreen() {
  const { t } = useTranslation()
  const params = useParams<{ id: string }>()
  const id = /^\d{1,15}$/.test(params.id ?? '') ? Number(params.id) : NaN
  const query = useContractDetail(id)
  useEscapeBack(contractsListPath())

  if (!Number.isSafeInteger(id) || id <= 0) return <NotFound />
  if (query.isPending)
    return (
      <Center mih={240} data-testid="detail-loading">
        <Stack align="center" gap="xs">
          <Loader aria-hidden />
          <Text size="sm" role="status">
            {t('detail.loading')}
          </Text>
        </Stack>
      </Center>
    )
  if (query.isError) {
    if (query.error instanceof ApiCallError && query.error.error.code === 'not_found')
      return <NotFound />
    return (
      <Stack gap="sm">
        <BackLink />
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('detail.error.title')}
          data-testid="detail-error"
        >
          <Text size="sm">{t(`errors.${errorKeyOf(query.error)}`)}</Text>
          <Button mt="sm" size="xs" color="red.9" onClick={() => void query.refetch()}>
            {t('detail.error.retry')}
          </Button>
        </Alert>
      </Stack>
    )
  }
  return <DetailBody detail={query.data} receivedAt={query.dataUpdatedAt} />
}

function NotFound() {
  const { t } = useTranslation()
  return (
    <Stack gap="sm" data-testid="detail-not-found">
      <BackLink />
      <Alert color="statusNeutral" variant="outline" title={t('detail.notFound.title')}>
        <Text size="sm">{t('detail.notFound.description')}</Text>
      </Alert>
    </Stack>
  )
}

function DetailBody({ detail, receivedAt }: { detail: ContractDetail; receivedAt: number }) {
  const { t } = useTranslation()
  const lang = useLang()
  const now = useCoreNow(detail.asOf, receivedAt, 1000)
  const mutations = useDetailMutations(detail.id)
  const [reissueOpen, setReissueOpen] = useState(false)
  // Only a contract still being renewed can have its mails resent (the core refuses others).
  const canReissue =
    detail.renewal.status === 'not_started' || detail.renewal.status === 'in_progress'
  const top = useRef<HTMLDivElement>(null)
  // A new screen: move focus to it so the keyboard starts here and readers announce it.
  useEffect(() => top.current?.focus(), [detail.id])

  return (
    <Stack gap="md" data-testid="contract-detail" data-contract-id={detail.id}>
      <div ref={top} tabIndex={-1} style={{ outline: 'none' }}>
        <DetailHeader
          detail={detail}
          actions={
            canReissue && (
              <Button
                variant="default"
                onClick={() => setReissueOpen(true)}
                data-testid="detail-reissue"
              >
                {t('detail.reissue.open')}
              </Button>
            )
          }
        />
      </div>
      <ReissueDialog
        opened={reissueOpen}
        onClose={() => {
          setReissueOpen(false)
          // The request (or its refusal) is on the timeline now.
          void mutations.refresh()
        }}
        contracts={[
          {
            id: detail.id,
            policyNumber: detail.policyNumber,
            clientName: detail.client.nameKanji,
            flow: detail.flow,
          },
        ]}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <DeadlinePanel detail={detail} now={now} />
            <DetailSection title={t('detail.stuck.title')} testId="detail-stuck">
              <StuckReasons reasons={detail.stuckReasons} />
            </DetailSection>
            <DetailSection title={t('detail.track.title')} testId="detail-track">
              <StepTracker track={detail.track} />
            </DetailSection>
            <DetailSection
              title={t('detail.guide.title')}
              hint={t('detail.guide.hint')}
              testId="detail-guide"
            >
              <Text size="md" data-testid="client-guide">
                {detail.clientGuide[lang]}
              </Text>
            </DetailSection>
            <PartiesPanel detail={detail} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <DetailSection title={t('detail.followUp.title')} testId="detail-follow-up">
              <FollowUpPanel followUp={detail.followUp} setFollowUp={mutations.setFollowUp} />
            </DetailSection>
            <DetailSection title={t('detail.notes.title')} testId="detail-notes">
              <NotesPanel notes={detail.notes} addNote={mutations.addNote} />
            </DetailSection>
            <DetailSection title={t('detail.reassign.title')} testId="detail-reassign">
              <ReassignPanel detail={detail} reassign={mutations.reassign} />
            </DetailSection>
            <DetailSection title={t('detail.timeline.title')} testId="detail-timeline">
              <TimelineList entries={detail.timeline} />
            </DetailSection>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
