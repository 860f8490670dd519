import { Group, Loader, Text, VisuallyHidden } from '@mantine/core'
import { Spotlight, useSpotlight } from '@mantine/spotlight'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { formatMaturity } from '../../features/contracts/format'
import classes from './CommandPalette.module.css'
import { PALETTE_LIST_ID, paletteStore, selectFirstResultIfNone } from './palette-store'
import { useActiveResultAnnouncement } from './use-active-result-announcement'
import { useClientSearch } from './use-client-search'
import { matchesQuery, usePaletteCommands, type PaletteCommand } from './use-palette-commands'

/**
 * The command palette (Ctrl+K / ⌘K, or the header button): jump to a screen, run an app
 * action, or type a client's name, policy number or phone to open their contract.
 * Its shortcut lives in the shortcut registry, not here (shortcut={null}).
 */
export function CommandPalette({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { t } = useTranslation()
  const [, navigate] = useLocation()
  const [query, setQuery] = useState('')
  const commands = usePaletteCommands({ onShowShortcuts }).filter((c) => matchesQuery(c, query))
  const clients = useClientSearch(query)
  const clientRows = query.trim() === '' ? [] : (clients.data?.rows ?? [])

  const { opened } = useSpotlight(paletteStore)
  const announcementRef = useActiveResultAnnouncement(PALETTE_LIST_ID)
  useEffect(() => {
    // Once the client results (or, on opening, the commands) are in the DOM, so that Enter
    // runs the first one without an arrow key first. The modal mounts its content a frame
    // after `opened` flips, hence the second try.
    if (!opened) return
    selectFirstResultIfNone()
    const later = window.setTimeout(selectFirstResultIfNone, 50)
    return () => window.clearTimeout(later)
  }, [clientRows, opened])

  // Running a command closes the palette; the next one opens on a blank search.
  const running = (run: () => void) => () => {
    setQuery('')
    run()
  }

  const group = (name: PaletteCommand['group']) => {
    const items = commands.filter((c) => c.group === name)
    if (items.length === 0) return null
    return (
      <Spotlight.ActionsGroup label={t(`palette.groups.${name}`)}>
        {items.map((c) => (
          <Spotlight.Action
            key={c.id}
            label={c.label}
            description={c.description}
            onClick={running(c.run)}
            data-testid="palette-action"
            data-command={c.id}
            data-announce={announceText(c.label, c.description)}
          />
        ))}
      </Spotlight.ActionsGroup>
    )
  }

  const searching = query.trim() !== '' && clients.isFetching
  const nothing = commands.length === 0 && clientRows.length === 0 && !searching
  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      // Each opening starts from a blank search, however the last one was closed.
      onSpotlightOpen={() => setQuery('')}
      shortcut={null}
      scrollable
      maxHeight={460}
      title={t('palette.searchLabel')}
      styles={{ header: { display: 'none' } }}
      classNames={{ action: classes.action }}
    >
      <Spotlight.Search
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.searchLabel')}
        data-testid="palette-search"
      />
      <Spotlight.ActionsList id={PALETTE_LIST_ID} data-testid="palette-results">
        {group('screens')}
        {group('actions')}
        {clientRows.length > 0 && (
          <Spotlight.ActionsGroup label={t('palette.groups.clients')}>
            {clientRows.map((row) => {
              const label = t('palette.client', { name: row.clientName })
              const description = t('palette.clientDescription', {
                policyNumber: row.policyNumber,
                vehicle: row.vehicleName,
                maturity: formatMaturity(row.maturityDate),
              })
              return (
                <Spotlight.Action
                  key={row.id}
                  label={label}
                  description={description}
                  onClick={running(() => navigate(`/contracts/${row.id}`))}
                  data-testid="palette-client"
                  data-command={`client:${row.id}`}
                  data-announce={announceText(label, description)}
                />
              )
            })}
          </Spotlight.ActionsGroup>
        )}
        {searching && clientRows.length === 0 && (
          <Group gap="xs" p="sm" aria-live="polite">
            <Loader size="xs" />
            <Text size="sm">{t('palette.searching')}</Text>
          </Group>
        )}
        {clients.isError && query.trim() !== '' && (
          <Text size="sm" p="sm" role="alert">
            {t('palette.searchFailed')}
          </Text>
        )}
        {nothing && !clients.isError && (
          <Text size="sm" p="sm" ta="center" data-testid="palette-empty">
            {t('palette.nothingFound')}
            <br />
            <Text span size="xs" c="dimmed">
              {t('palette.clientSearchHint')}
            </Text>
          </Text>
        )}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Text size="xs" c="dimmed">
          {t('palette.footer')}
        </Text>
      </Spotlight.Footer>
      <VisuallyHidden
        ref={announcementRef}
        role="status"
        aria-live="polite"
        data-testid="palette-announcement"
      />
    </Spotlight.Root>
  )
}

/** What the live region says for a result: its label, then its description. */
function announceText(label: string, description?: string): string {
  return description ? `${label} ${description}` : label
}
