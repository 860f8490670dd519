import { Button, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractSortKey, SavedView } from '../../../../electron/common/api/contract'
import type { ContractFilters } from '../../../../electron/common/api/contract-filters'
import { ContractsEmpty, ContractsError } from './ContractsStates'
import { ContractTable } from './ContractTable'
import { ContractFilterBar } from './filters/ContractFilterBar'
import { requestFilters } from './filters/filter-state'
import { DEFAULT_SORT, nextSort, type ContractSort } from './sort'
import { useContractPages } from './use-contract-pages'

/** Long enough to skip the in-between keystrokes of a name, short enough to feel instant. */
const SEARCH_DEBOUNCE_MS = 30

/** 契約一覧: the whole book, most urgent web deadline first, with filters and search. */
export function ContractsScreen() {
  const { t } = useTranslation()
  const [sort, setSort] = useState<ContractSort>(DEFAULT_SORT)
  const [pages, setPages] = useState<readonly number[]>([0])
  const [panel, setPanel] = useState<ContractFilters>({})
  const [search, setSearch] = useState('')
  const [debouncedSearch] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS)
  // Clearing the box is applied at once: waiting would show stale matches for a moment.
  const appliedSearch = search.trim() === '' ? '' : debouncedSearch
  const filters = useMemo(() => requestFilters(panel, appliedSearch), [panel, appliedSearch])
  const filterKey = JSON.stringify(filters)
  const data = useContractPages(sort, pages, filters)

  const onSort = useCallback((key: ContractSortKey) => {
    setSort((s) => nextSort(s, key))
    // The table rewinds to the top on a new order; don't fetch the old position first.
    setPages([0])
  }, [])
  const onPagesChange = useCallback(
    (next: number[]) => setPages((prev) => (prev.join() === next.join() ? prev : next)),
    [],
  )
  const changeFilters = useCallback((next: ContractFilters) => {
    setPanel(next)
    setPages([0])
  }, [])
  const changeSearch = useCallback((value: string) => {
    setSearch(value)
    setPages([0])
  }, [])
  const applyView = useCallback((view: SavedView) => {
    const { search: viewSearch = '', ...rest } = view.filters
    setPanel(rest)
    setSearch(viewSearch)
    setSort(view.sort)
    setPages([0])
  }, [])
  const clearAll = useCallback(() => {
    setPanel({})
    setSearch('')
    setPages([0])
  }, [])

  const { total, error } = data
  const narrowed = filterKey !== '{}'
  return (
    <Stack
      gap="sm"
      h="calc(100dvh - var(--app-shell-header-offset, 0px) - 2 * var(--mantine-spacing-md))"
      data-testid="contracts-screen"
      // Which search the rows on screen answer (tests and the Chromium benchmark wait on it).
      data-applied-search={data.current ? appliedSearch.trim() : undefined}
    >
      <Group justify="space-between" align="baseline">
        <Group gap="sm" align="baseline">
          <Title order={2} size="h3">
            {t('contracts.title')}
          </Title>
          {total !== undefined && !narrowed && (
            <Text className="tabular" fw={500} data-testid="contract-total">
              {t('contracts.total', { count: total })}
            </Text>
          )}
        </Group>
        {data.isFetching && total !== undefined && (
          <Group gap={6} aria-live="polite">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              {t('contracts.refreshing')}
            </Text>
          </Group>
        )}
      </Group>
      <ContractFilterBar
        search={search}
        onSearch={changeSearch}
        filters={{ ...panel, ...(search ? { search } : {}) }}
        onFilters={changeFilters}
        sort={sort}
        onApplyView={applyView}
        onClearAll={clearAll}
        total={total}
        totalCapped={data.totalCapped}
      />
      {error !== null && <ContractsError error={error} onRetry={data.retry} />}
      {total === 0 && narrowed ? (
        <EmptyState
          data-testid="contracts-no-match"
          mt="lg"
          title={t('contractFilters.noMatch.title')}
          description={t('contractFilters.noMatch.description')}
        >
          <Button mt="sm" size="xs" variant="default" onClick={clearAll}>
            {t('contractFilters.clearAll')}
          </Button>
        </EmptyState>
      ) : total === 0 ? (
        <ContractsEmpty />
      ) : error !== null && total === undefined ? null : (
        <ContractTable
          // New filters are a new list: start again at the top, like a new sort does.
          key={filterKey}
          sort={sort}
          onSort={onSort}
          total={total}
          rowAt={data.rowAt}
          onPagesChange={onPagesChange}
          busy={data.isFetching}
        />
      )}
    </Stack>
  )
}
