import { Button, Center, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../electron/common/api/contract'
import { useSignIn } from './use-session'

/**
 * Who is at this PC: staff and managers come from the data. "Mine" and a manager's branch
 * view follow from this choice, and every staff action is recorded under it.
 */
export function SignInScreen({ session }: { session: Session }) {
  const { t } = useTranslation()
  const { signIn } = useSignIn()
  const [staffId, setStaffId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const groups = [...new Set(session.staff.map((s) => s.branchName))].map((branch) => ({
    group: branch,
    items: session.staff
      .filter((s) => s.branchName === branch)
      .map((s) => ({
        value: s.id,
        label: `${s.name}（${t(`session.role.${s.role}`)}）`,
      })),
  }))
  const submit = async () => {
    if (!staffId) return
    setBusy(true)
    try {
      await signIn(staffId)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="xl" w={420} radius="md">
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          <Stack>
            <Text fw={700} c="dimmed">
              {t('app.name')}
            </Text>
            <Title order={1} size="h3">
              {t('session.title')}
            </Title>
            <Text size="sm">{t('session.intro')}</Text>
            {session.staff.length === 0 ? (
              <Text c="red.8" size="sm" role="alert">
                {t('session.noStaff')}
              </Text>
            ) : (
              <Select
                label={t('session.who')}
                placeholder={t('session.choose')}
                data={groups}
                value={staffId}
                onChange={setStaffId}
                searchable
                autoFocus
                data-testid="sign-in-staff"
              />
            )}
            <Button type="submit" disabled={!staffId} loading={busy}>
              {t('session.signIn')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
