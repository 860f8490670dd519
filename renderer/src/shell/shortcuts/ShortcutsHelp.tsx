import { Fragment } from 'react'
import { Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useOs } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { entryCaps } from './key-labels'
import type { ShortcutEntry, ShortcutGroup } from './registry'

const GROUPS: ShortcutGroup[] = ['global', 'navigation', 'lists']

/** The help opened with "?": printed from the same registry the handlers are built from. */
export function ShortcutsHelp({
  opened,
  onClose,
  entries,
}: {
  opened: boolean
  onClose: () => void
  entries: readonly ShortcutEntry[]
}) {
  const { t } = useTranslation()
  const os = useOs()
  const mac = os === 'macos' || os === 'ios'
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('shortcuts.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('shortcuts.close') }}
    >
      <Stack gap="md" data-testid="shortcuts-help">
        <Text size="sm">{t('shortcuts.intro')}</Text>
        {GROUPS.map((group) => (
          <Stack key={group} gap={4}>
            <Title order={3} size="h5">
              {t(`shortcuts.groups.${group}`)}
            </Title>
            <Table withTableBorder verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="40%">{t('shortcuts.keysColumn')}</Table.Th>
                  <Table.Th>{t('shortcuts.actionColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries
                  .filter((e) => e.group === group)
                  .map((entry) => (
                    <Table.Tr key={entry.id} data-testid="shortcut-row" data-shortcut-id={entry.id}>
                      <Table.Td>
                        <Keys alternatives={entryCaps(entry, mac)} then={t('shortcuts.then')} />
                      </Table.Td>
                      <Table.Td>
                        {t(entry.labelKey, {
                          screen: entry.screenLabelKey ? t(entry.screenLabelKey) : '',
                        })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Modal>
  )
}

function Keys({ alternatives, then }: { alternatives: string[][][]; then: string }) {
  return (
    <Group gap={6} wrap="wrap">
      {alternatives.map((steps, a) => (
        <Fragment key={a}>
          {a > 0 && <Text span>/</Text>}
          {steps.map((caps, s) => (
            <Fragment key={s}>
              {s > 0 && (
                <Text span size="xs" c="dimmed">
                  {then}
                </Text>
              )}
              {caps.map((cap, c) => (
                <Fragment key={c}>
                  {c > 0 && <Text span>+</Text>}
                  <Kbd>{cap}</Kbd>
                </Fragment>
              ))}
            </Fragment>
          ))}
        </Fragment>
      ))}
    </Group>
  )
}
