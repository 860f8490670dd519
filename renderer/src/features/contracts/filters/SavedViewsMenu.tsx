import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Popover,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedView } from '../../../../../electron/common/api/contract'
import type { ContractFilters } from '../../../../../electron/common/api/contract-filters'
import { errorKeyOf } from '../../../api/errors'
import type { ContractSort } from '../sort'
import classes from './SavedViewsMenu.module.css'
import { useSavedViews } from './use-saved-views'

interface Props {
  filters: ContractFilters
  sort: ContractSort
  onApply: (view: SavedView) => void
}

/** 保存したビュー: apply a saved set of filters and sort, save the current one, delete. */
export function SavedViewsMenu({ filters, sort, onApply }: Props) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const [name, setName] = useState('')
  const { views, save, remove } = useSavedViews()
  const list = views.data?.views ?? []

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === '') return
    save.mutate({ name: name.trim(), filters, sort }, { onSuccess: () => setName('') })
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={320}
      trapFocus
      withinPortal
      shadow="md"
    >
      <Popover.Target>
        <Button
          size="sm"
          variant="default"
          onClick={() => setOpened((o) => !o)}
          aria-expanded={opened}
          data-testid="saved-views-button"
        >
          {t('contractFilters.views.menu')}
          {list.length > 0 ? `（${list.length}）` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="saved-views">
        <Stack gap="xs">
          {views.isError ? (
            <Text size="sm" c="red.8" role="alert">
              {t('contractFilters.views.loadError')}
            </Text>
          ) : list.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('contractFilters.views.empty')}
            </Text>
          ) : (
            <Stack gap={2} role="list" aria-label={t('contractFilters.views.menu')}>
              {list.map((view) => (
                <Group key={view.id} gap={4} wrap="nowrap" role="listitem">
                  <UnstyledButton
                    className={classes.apply}
                    onClick={() => {
                      onApply(view)
                      setOpened(false)
                    }}
                    data-testid="saved-view-apply"
                  >
                    <Text size="sm" truncate>
                      {view.name}
                    </Text>
                  </UnstyledButton>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    aria-label={t('contractFilters.views.deleteLabel', { name: view.name })}
                    onClick={() => remove.mutate(view)}
                    data-testid="saved-view-delete"
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )}
          <Divider />
          <form onSubmit={submit}>
            <Stack gap={6}>
              <TextInput
                size="xs"
                label={t('contractFilters.views.nameLabel')}
                description={t('contractFilters.views.replaceHint')}
                value={name}
                maxLength={60}
                onChange={(e) => setName(e.currentTarget.value)}
                data-testid="saved-view-name"
              />
              {save.isError && (
                <Text size="xs" c="red.8" role="alert">
                  {t(`errors.${errorKeyOf(save.error)}`)}
                </Text>
              )}
              <Group justify="flex-end" gap="xs">
                <Button
                  size="xs"
                  type="submit"
                  disabled={name.trim() === ''}
                  loading={save.isPending}
                  data-testid="saved-view-save"
                >
                  {t('contractFilters.views.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
