import { Button, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractSortKey, SavedView } from '../../../../electron/common/api/contract'
import type { ContractFilters } from '../../../../electron/common/api/contract-filters'
import { ContractsEmpty, ContractsError } from './ContractsStates'
import { ContractTable } from './ContractTable'
import { ContractFilterBar } from './filters/ContractFilterBar'
import { requestFilters } from './filters/filter-state'
import { nextSort } from './sort'
import { useContractPages } from './use-contract-pages'
import { useListUrlState } from './use-list-url'

/** 契約一覧: the whole book, most urgent web deadline first, with filters and search. */
export function ContractsScreen() {
  const { t } = useTranslation()
  const { url, search, setSearch, appliedSearch, push } = useListUrlState()
  const { filters: panel, sort } = url
  const filters = useMemo(() => requestFilters(panel, appliedSearch), [panel, appliedSearch])
  const filterKey = JSON.stringify(filters)
  // A new order or new filters rewind the table to the top; don't fetch the old position first.
  const listKey = `${filterKey}|${sort.key}|${sort.direction}`
  const [paging, setPaging] = useState({ listKey, pages: [0] as readonly number[] })
  const pages = paging.listKey === listKey ? paging.pages : [0]
  const data = useContractPages(sort, pages, filters)

  const onSort = useCallback(
    (key: ContractSortKey) => push({ ...url, search, sort: nextSort(sort, key) }),
    [push, url, search, sort],
  )
  const onPagesChange = useCallback(
    (next: number[]) =>
      setPaging((prev) =>
        prev.listKey === listKey && prev.pages.join() === next.join()
          ? prev
          : { listKey, pages: next },
      ),
    [listKey],
  )
  const changeFilters = useCallback(
    (next: ContractFilters) => push({ ...url, search, filters: next }),
    [push, url, search],
  )
  const applyView = useCallback(
    (view: SavedView) => {
      const { search: viewSearch = '', ...rest } = view.filters
      push({ filters: rest, search: viewSearch, sort: view.sort })
    },
    [push],
  )
  const clearAll = useCallback(() => push({ ...url, filters: {}, search: '' }), [push, url])

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
        onSearch={setSearch}
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
      ) : error !== null && data.rowCount === undefined ? null : (
        <ContractTable
          listKey={filterKey}
          sort={sort}
          onSort={onSort}
          rowCount={data.rowCount}
          rowAt={data.rowAt}
          onPagesChange={onPagesChange}
          busy={data.isFetching}
        />
      )}
    </Stack>
  )
}
