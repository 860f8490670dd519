import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { FollowUp } from '../../../../electron/common/api/contract-detail'
import { errorKeyOf } from '../../api/errors'
import { CalendarDateInput } from '../../app/dates/CalendarDateInput'
import { saveErrorText } from './save-error'
import { useLang } from './use-lang'
import type { useDetailMutations } from './use-contract-detail'

type SetFollowUp = ReturnType<typeof useDetailMutations>['setFollowUp']

/** When to call the client next: a date typed (2026/12/24) or picked from the calendar. */
export function FollowUpPanel({
  followUp,
  setFollowUp,
}: {
  followUp: FollowUp | null
  setFollowUp: SetFollowUp
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const [date, setDate] = useState(followUp?.dueDate ?? '')
  const [memo, setMemo] = useState(followUp?.memo ?? '')
  const [missing, setMissing] = useState(false)
  const [saved, setSaved] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    if (!date) {
      setMissing(true)
      return
    }
    setMissing(false)
    setFollowUp.mutate(
      { dueDate: date, ...(memo.trim() ? { memo: memo.trim() } : {}) },
      { onSuccess: () => setSaved(true) },
    )
  }
  const clear = () => {
    setSaved(false)
    setFollowUp.mutate(
      { dueDate: null },
      {
        onSuccess: () => {
          setDate('')
          setMemo('')
        },
      },
    )
  }

  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} data-testid="follow-up-current">
        {followUp
          ? t('detail.followUp.current', { date: followUp.dueDate.replaceAll('-', '/') })
          : t('detail.followUp.none')}
        {followUp?.memo ? `（${followUp.memo}）` : ''}
      </Text>
      <form onSubmit={submit} noValidate>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <CalendarDateInput
            label={t('detail.followUp.date')}
            value={date}
            onChange={(value) => {
              setDate(value ?? '')
              setMissing(false)
            }}
            error={missing ? t('detail.followUp.required') : null}
            data-testid="follow-up-date"
            w={170}
          />
          <TextInput
            label={t('detail.followUp.memo')}
            value={memo}
            maxLength={200}
            onChange={(e) => setMemo(e.currentTarget.value)}
            data-testid="follow-up-memo"
            style={{ flex: 1, minWidth: 160 }}
          />
          <Button
            type="submit"
            size="sm"
            loading={setFollowUp.isPending}
            data-testid="follow-up-save"
          >
            {t('detail.followUp.save')}
          </Button>
          {followUp && (
            <Button
              variant="default"
              size="sm"
              onClick={clear}
              disabled={setFollowUp.isPending}
              data-testid="follow-up-clear"
            >
              {t('detail.followUp.clear')}
            </Button>
          )}
        </Group>
      </form>
      <Text size="sm" role="status">
        {saved ? t('detail.followUp.saved') : ''}
      </Text>
      {setFollowUp.isError && (
        <Alert color="red" variant="light" role="alert">
          {t('detail.failed', {
            message: saveErrorText(
              setFollowUp.error,
              lang,
              t(`errors.${errorKeyOf(setFollowUp.error)}`),
            ),
          })}
        </Alert>
      )}
    </Stack>
  )
}
