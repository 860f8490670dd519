import { Badge, Button, Collapse, Group, Kbd, Stack, Text, TextInput } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedView } from '../../../../../electron/common/api/contract'
import type { ContractFilters } from '../../../../../electron/common/api/contract-filters'
import { SEARCH_MAX_LENGTH } from '../../../../../electron/common/api/contract-filters'
import type { ContractSort } from '../sort'
import { countPanelFilters } from './filter-state'
import { FilterFields } from './FilterFields'
import { SavedViewsMenu } from './SavedViewsMenu'

interface Props {
  /** What the search box shows (updated on every keystroke; the request is debounced). */
  search: string
  onSearch: (value: string) => void
  filters: ContractFilters
  onFilters: (next: ContractFilters) => void
  sort: ContractSort
  onApplyView: (view: SavedView) => void
  onClearAll: () => void
  /** Matches of the current request, undefined while the first page loads. */
  total: number | undefined
  totalCapped: boolean
}

/** The bar above 契約一覧: search, the filter panel, saved views, clear-all and the count. */
export function ContractFilterBar(props: Props) {
  const { t } = useTranslation()
  const searchRef = useRef<HTMLInputElement>(null)
  const active = countPanelFilters(props.filters)
  const [open, setOpen] = useState(active > 0)
  const anything = active > 0 || props.search.trim() !== ''

  // '/' jumps to the search box from anywhere on the screen (ignored while typing in a field).
  useHotkeys([['/', () => searchRef.current?.focus()]])

  return (
    <Stack gap={6} data-testid="contract-filter-bar">
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput
          ref={searchRef}
          size="sm"
          flex="1 1 320px"
          maw={560}
          type="search"
          aria-label={t('contractFilters.searchLabel')}
          placeholder={t('contractFilters.searchPlaceholder')}
          value={props.search}
          maxLength={SEARCH_MAX_LENGTH}
          onChange={(e) => props.onSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && props.search !== '') {
              // Clears the query only; a second Escape is left to the screen.
              e.stopPropagation()
              props.onSearch('')
            }
          }}
          rightSection={<Kbd size="xs">/</Kbd>}
          rightSectionPointerEvents="none"
          data-testid="contract-search"
        />
        <Button
          size="sm"
          variant="default"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls="contract-filter-panel"
          rightSection={
            active > 0 ? (
              <Badge size="sm" circle variant="filled">
                {active}
              </Badge>
            ) : undefined
          }
          data-testid="filter-toggle"
        >
          {t('contractFilters.more')}
        </Button>
        <SavedViewsMenu filters={props.filters} sort={props.sort} onApply={props.onApplyView} />
        <Button
          size="sm"
          variant="subtle"
          disabled={!anything}
          onClick={props.onClearAll}
          data-testid="filter-clear"
        >
          {t('contractFilters.clearAll')}
        </Button>
        <Text
          className="tabular"
          fw={600}
          ml="auto"
          aria-live="polite"
          data-testid="contract-matches"
          data-count={props.total ?? ''}
        >
          {props.total === undefined
            ? ''
            : props.totalCapped
              ? t('contractFilters.matchesCapped', { count: props.total })
              : t('contractFilters.matches', { count: props.total })}
        </Text>
      </Group>
      {props.totalCapped && (
        // The list holds only the first matches the search finds: say so, and how to narrow.
        <Text size="sm" c="dimmed" data-testid="contract-matches-capped-hint">
          {t('contractFilters.matchesCappedHint', { count: props.total })}
        </Text>
      )}
      <Collapse expanded={open} keepMounted={false} id="contract-filter-panel">
        <FilterFields filters={props.filters} onChange={props.onFilters} />
      </Collapse>
    </Stack>
  )
}
