import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_MAX_LENGTH, type Note } from '../../../../electron/common/api/contract-detail'
import { formatJst } from '../../../../electron/common/domain/japan-time'
import { errorKeyOf } from '../../api/errors'
import { saveErrorText } from './save-error'
import { useLang } from './use-lang'
import type { useDetailMutations } from './use-contract-detail'

type AddNote = ReturnType<typeof useDetailMutations>['addNote']

/** Staff notes: write one (Ctrl+Enter saves), read the latest first. */
export function NotesPanel({ notes, addNote }: { notes: Note[]; addNote: AddNote }) {
  const { t } = useTranslation()
  const lang = useLang()
  const [body, setBody] = useState('')
  const [touched, setTouched] = useState(false)
  const [saved, setSaved] = useState(false)
  const trimmed = body.trim()
  const invalid =
    trimmed.length === 0
      ? t('detail.notes.required')
      : trimmed.length > NOTE_MAX_LENGTH
        ? t('detail.notes.tooLong', { count: trimmed.length })
        : null

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    setTouched(true)
    setSaved(false)
    if (invalid || addNote.isPending) return
    addNote.mutate(trimmed, {
      onSuccess: () => {
        setBody('')
        setTouched(false)
        setSaved(true)
      },
    })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit()
  }

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Textarea
            label={t('detail.notes.label')}
            placeholder={t('detail.notes.placeholder')}
            description="Ctrl+Enter"
            rows={3}
            resize="vertical"
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value)
              setSaved(false)
            }}
            onKeyDown={onKeyDown}
            error={touched ? invalid : null}
            data-testid="note-input"
          />
          <Group gap="sm">
            <Button type="submit" size="xs" loading={addNote.isPending} data-testid="note-save">
              {t('detail.notes.add')}
            </Button>
            <Text size="xs" c="dimmed" className="tabular">
              {trimmed.length} / {NOTE_MAX_LENGTH}
            </Text>
            <Text size="sm" role="status" data-testid="note-saved">
              {saved ? t('detail.notes.saved') : ''}
            </Text>
          </Group>
          {addNote.isError && (
            <Alert color="red" variant="light" role="alert" data-testid="note-error">
              {t('detail.failed', {
                message: saveErrorText(
                  addNote.error,
                  lang,
                  t(`errors.${errorKeyOf(addNote.error)}`),
                ),
              })}
            </Alert>
          )}
        </Stack>
      </form>
      {notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('detail.notes.empty')}
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          data-testid="notes"
        >
          {notes.map((note) => (
            <li key={note.id} data-testid="note">
              <Text size="xs" c="dimmed">
                <time dateTime={note.createdAt}>
                  {formatJst(note.createdAt, 'yyyy/MM/dd HH:mm')}
                </time>
                {note.staffName ? ` ${note.staffName}` : ''}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {note.body}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  )
}
