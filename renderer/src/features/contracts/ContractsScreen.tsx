import { Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContractSortKey } from '../../../../electron/common/api/contract'
import { ContractsEmpty, ContractsError } from './ContractsStates'
import { ContractTable } from './ContractTable'
import { DEFAULT_SORT, nextSort, type ContractSort } from './sort'
import { useContractPages } from './use-contract-pages'

/** 契約一覧: the whole book, most urgent web deadline first. */
export function ContractsScreen() {
  const { t } = useTranslation()
  const [sort, setSort] = useState<ContractSort>(DEFAULT_SORT)
  const [pages, setPages] = useState<readonly number[]>([0])
  const data = useContractPages(sort, pages)

  const onSort = useCallback((key: ContractSortKey) => {
    setSort((s) => nextSort(s, key))
    // The table rewinds to the top on a new order; don't fetch the old position first.
    setPages([0])
  }, [])
  // The table reports its pages on every settled scroll; ignore reports that change nothing.
  const onPagesChange = useCallback(
    (next: number[]) => setPages((prev) => (prev.join() === next.join() ? prev : next)),
    [],
  )

  const { total, error } = data
  return (
    <Stack
      gap="sm"
      h="calc(100dvh - var(--app-shell-header-offset, 0px) - 2 * var(--mantine-spacing-md))"
    >
      <Group justify="space-between" align="baseline">
        <Group gap="sm" align="baseline">
          <Title order={2} size="h3">
            {t('contracts.title')}
          </Title>
          {total !== undefined && (
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
      {error !== null && <ContractsError error={error} onRetry={data.retry} />}
      {total === 0 ? (
        <ContractsEmpty />
      ) : error !== null && total === undefined ? null : (
        <ContractTable
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
