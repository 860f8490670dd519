import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ConfigureInsurerInput,
  type ConfigureInsurerInput as Input,
} from '../../../../electron/common/api/contract'
import { useApi } from '../../api/ApiProvider'
import { errorKeyOf } from '../../api/errors'

const EMPTY: Input = { insurerId: '', name: '', baseUrl: '', clientId: '', clientSecret: '' }
const FIELDS = ['insurerId', 'name', 'baseUrl', 'clientId'] as const

/**
 * Connects the app to a real insurer. The form checks the input with the contract's own
 * schema before sending, so the user sees the same rule the backend enforces; the secret
 * is sent once to the main process and never read back.
 */
export function InsurerSettingsDialog({
  opened,
  onClose,
}: {
  opened: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [values, setValues] = useState<Input>(EMPTY)
  const [errors, setErrors] = useState<Partial<Record<keyof Input, string>>>({})
  const save = useMutation({ mutationFn: (input: Input) => api.insurer.configure(input) })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = ConfigureInsurerInput.safeParse(values)
    if (!parsed.success) {
      const found: Partial<Record<keyof Input, string>> = {}
      for (const issue of parsed.error.issues) found[issue.path[0] as keyof Input] ??= issue.message
      setErrors(found)
      return
    }
    setErrors({})
    save.mutate(parsed.data, { onSuccess: () => setValues((v) => ({ ...v, clientSecret: '' })) })
  }

  const field = (name: keyof Input) => ({
    label: t(`insurerSettings.${name}`),
    value: values[name],
    error: errors[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value
      setValues((v) => ({ ...v, [name]: value }))
    },
  })

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('insurerSettings.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('insurerSettings.cancel') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('insurerSettings.intro')}</Text>
          {FIELDS.map((name) => (
            <TextInput
              key={name}
              required
              {...field(name)}
              data-autofocus={name === 'insurerId' || undefined}
            />
          ))}
          <PasswordInput
            required
            autoComplete="off"
            visibilityToggleButtonProps={{ 'aria-label': t('insurerSettings.toggleSecret') }}
            {...field('clientSecret')}
          />
          <Text size="xs" c="dimmed">
            {t('insurerSettings.demoNote')}
          </Text>
          {save.isSuccess && (
            <Alert color="statusOk" variant="outline" data-testid="insurer-settings-saved">
              {t('insurerSettings.saved', { name: values.name })}
            </Alert>
          )}
          {save.isError && (
            <Alert color="statusAlert" variant="outline" role="alert">
              {t(`errors.${errorKeyOf(save.error)}`)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('insurerSettings.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('insurerSettings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
