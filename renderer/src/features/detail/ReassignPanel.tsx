import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractDetail } from '../../../../electron/common/api/contract-detail'
import { errorKeyOf } from '../../api/errors'
import { useSession } from '../session/use-session'
import { saveErrorText } from './save-error'
import { useLang } from './use-lang'
import type { useDetailMutations } from './use-contract-detail'

type Reassign = ReturnType<typeof useDetailMutations>['reassign']

/** Managers, or the staff member in charge, hand the contract to another active colleague. */
export function ReassignPanel({
  detail,
  reassign,
}: {
  detail: ContractDetail
  reassign: Reassign
}) {
  const { t } = useTranslation()
  const lang = useLang()
  const session = useSession().data
  const [staffId, setStaffId] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const me = session?.current
  if (!session || !me) return null
  const allowed = me.role === 'manager' || detail.staff?.id === me.id
  if (!allowed)
    return (
      <Text size="sm" c="dimmed" data-testid="reassign-not-allowed">
        {t('detail.reassign.notAllowed')}
      </Text>
    )

  const options = session.staff
    .filter((s) => s.id !== detail.staff?.id)
    .map((s) => ({ value: s.id, label: `${s.name}（${s.branchName}）` }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!staffId) return
    setSaved(false)
    reassign.mutate(staffId, {
      onSuccess: () => {
        setStaffId(null)
        setSaved(true)
      },
    })
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group gap="xs" align="flex-end">
          <Select
            label={t('detail.reassign.label')}
            placeholder={t('detail.reassign.placeholder')}
            data={options}
            value={staffId}
            onChange={setStaffId}
            searchable
            nothingFoundMessage="—"
            data-testid="reassign-select"
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button
            type="submit"
            size="sm"
            disabled={!staffId}
            loading={reassign.isPending}
            data-testid="reassign-submit"
          >
            {t('detail.reassign.submit')}
          </Button>
        </Group>
        <Text size="sm" role="status">
          {saved ? t('detail.reassign.saved') : ''}
        </Text>
        {reassign.isError && (
          <Alert color="red" variant="light" role="alert">
            {t('detail.failed', {
              message: saveErrorText(
                reassign.error,
                lang,
                t(`errors.${errorKeyOf(reassign.error)}`),
              ),
            })}
          </Alert>
        )}
      </Stack>
    </form>
  )
}
