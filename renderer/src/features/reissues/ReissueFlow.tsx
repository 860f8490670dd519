import { Alert, Button, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { ReissueKind } from '../../../../electron/common/domain/renewal'
import { useApi } from '../../api/ApiProvider'
import { useCurrentStaff } from '../session/use-session'
import { useSyncStatus } from '../sync/use-sync-status'
import { KINDS_BY_FLOW, kindFor, type ReissueChoice } from './reissue-kinds'
import { ReissueConfirm } from './ReissueConfirm'
import { ReissueResults } from './ReissueResults'
import { sendReissues, type ReissueOutcome, type ReissueTarget } from './send-reissues'

/** The core's limit (outbox/policy.ts MAX_REASON_LENGTH); said here before the round trip. */
const MAX_REASON = 500
const Email = z.email().max(254)

type Step = 'form' | 'confirm' | 'results'

export function ReissueFlow({
  contracts,
  onClose,
}: {
  contracts: readonly ReissueTarget[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const staff = useCurrentStaff()
  const sync = useSyncStatus().data
  const [step, setStep] = useState<Step>('form')
  const [choice, setChoice] = useState<ReissueChoice>({ kindA: 'password', reason: '', email: '' })
  const [errors, setErrors] = useState<{ reason?: string; email?: string }>({})
  const [sending, setSending] = useState(false)
  const [outcomes, setOutcomes] = useState<ReissueOutcome[]>([])

  const hasA = contracts.some((c) => c.flow === 'A')
  const hasB = contracts.some((c) => c.flow === 'B')
  const single = contracts.length === 1

  const validate = (): boolean => {
    const reason = choice.reason.trim()
    const next: typeof errors = {}
    if (reason.length === 0) next.reason = t('reissue.reasonRequired')
    else if (reason.length > MAX_REASON) next.reason = t('reissue.reasonTooLong')
    const email = choice.email.trim()
    if (single && email !== '' && !Email.safeParse(email).success)
      next.email = t('reissue.emailInvalid')
    setErrors(next)
    return Object.keys(next).length === 0
  }

  const send = async () => {
    setSending(true)
    try {
      const email = choice.email.trim()
      const result = await sendReissues(api, contracts, {
        kindFor: kindFor(choice),
        reason: choice.reason.trim(),
        requestedBy: staff.id,
        ...(single && email ? { correctedEmail: email } : {}),
      })
      setOutcomes(result)
      setStep('results')
    } finally {
      setSending(false)
      // Outbox counts, today's rows, the sync badge and any open timeline change with this.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' })
    }
  }

  if (step === 'results') {
    const offline = sync?.state === 'offline' || sync?.state === 'site_closed'
    return (
      <ReissueResults
        contracts={contracts}
        outcomes={outcomes}
        insurerDown={offline}
        onClose={onClose}
      />
    )
  }
  if (step === 'confirm') {
    return (
      <ReissueConfirm
        contracts={contracts}
        choice={choice}
        single={single}
        staffName={staff.name}
        sending={sending}
        onBack={() => setStep('form')}
        onSend={() => void send()}
      />
    )
  }
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (validate()) setStep('confirm')
      }}
    >
      <Stack gap="md">
        <Text size="sm" data-testid="reissue-targets">
          {t('reissue.contracts')}:{' '}
          {contracts
            .slice(0, 3)
            .map((c) => `${c.clientName}（${c.policyNumber}）`)
            .join('、')}
          {contracts.length > 3 ? t('reissue.andMore', { count: contracts.length - 3 }) : ''}
        </Text>
        {hasA && (
          <Radio.Group
            label={t('reissue.kindLabelA')}
            value={choice.kindA}
            onChange={(value) => setChoice((c) => ({ ...c, kindA: value as ReissueKind }))}
          >
            <Stack gap="xs" mt={6}>
              {KINDS_BY_FLOW.A.map((kind) => (
                <Radio
                  key={kind}
                  value={kind}
                  label={t(`reissue.kinds.${kind}`)}
                  description={t(`reissue.kindHelp.${kind}`)}
                  data-testid={`reissue-kind-${kind}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {hasB && (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('reissue.kindLabelB')}
            </Text>
            <Text size="sm">{t('reissue.kindFixedB')}</Text>
            <Text size="xs" c="dimmed">
              {t('reissue.kindHelp.mypage_registration_mail')}
            </Text>
          </Stack>
        )}
        {single ? (
          <TextInput
            type="email"
            label={t('reissue.email')}
            description={t('reissue.emailHelp')}
            value={choice.email}
            error={errors.email}
            autoComplete="off"
            onChange={(e) => {
              const email = e.currentTarget.value
              setChoice((c) => ({ ...c, email }))
            }}
            data-testid="reissue-email"
          />
        ) : (
          <Alert variant="light" color="gray" p="xs">
            <Text size="xs">{t('reissue.emailBulkNote')}</Text>
          </Alert>
        )}
        <Textarea
          label={t('reissue.reason')}
          placeholder={t('reissue.reasonPlaceholder')}
          required
          rows={3}
          value={choice.reason}
          error={errors.reason}
          onChange={(e) => {
            const reason = e.currentTarget.value
            setChoice((c) => ({ ...c, reason }))
          }}
          data-autofocus
          data-testid="reissue-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reissue.cancel')}
          </Button>
          <Button type="submit" data-testid="reissue-next">
            {t('reissue.next')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
