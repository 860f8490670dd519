import { MultiSelect, Select, SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CalendarDateInput } from '../../../app/dates/CalendarDateInput'
import type { ContractFilters } from '../../../../../electron/common/api/contract-filters'
import { withFilter } from './filter-state'
import { useFilterOptions } from './use-filter-options'

interface Props {
  filters: ContractFilters
  onChange: (next: ContractFilters) => void
}

type ListKey = 'insurer' | 'branch' | 'staff' | 'urgency' | 'step' | 'mail' | 'registration'
const LISTS: readonly ListKey[] = [
  'staff',
  'urgency',
  'insurer',
  'branch',
  'step',
  'mail',
  'registration',
]

/** The "絞り込み条件" panel: every filter except the search box, each "any of" its values. */
export function FilterFields({ filters, onChange }: Props) {
  const { t } = useTranslation()
  const options = useFilterOptions()
  const set = <K extends keyof ContractFilters>(key: K, value: ContractFilters[K] | null | '') =>
    onChange(withFilter(filters, key, value))

  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="xs"
      verticalSpacing={6}
      data-testid="filter-fields"
    >
      {LISTS.map((key) => (
        <MultiSelect
          key={key}
          size="xs"
          label={t(`contractFilters.${key}`)}
          placeholder={(filters[key]?.length ?? 0) === 0 ? t('contractFilters.any') : undefined}
          data={options[key]}
          value={(filters[key] as string[] | undefined) ?? []}
          onChange={(value) => set(key, value as ContractFilters[typeof key])}
          clearable
          searchable
          hidePickedOptions
          maxDropdownHeight={280}
          data-testid={`filter-${key}`}
        />
      ))}
      <Select
        size="xs"
        label={t('contractFilters.flow')}
        placeholder={t('contractFilters.any')}
        data={options.flow}
        value={filters.flow ?? null}
        onChange={(value) => set('flow', value as ContractFilters['flow'] | null)}
        clearable
        data-testid="filter-flow"
      />
      <Select
        size="xs"
        label={t('contractFilters.outbox')}
        placeholder={t('contractFilters.any')}
        data={options.outbox}
        value={filters.outbox ?? null}
        onChange={(value) => set('outbox', value as ContractFilters['outbox'] | null)}
        clearable
        data-testid="filter-outbox"
      />
      <CalendarDateInput
        size="xs"
        label={t('contractFilters.maturityFrom')}
        value={filters.maturityFrom}
        maxDate={filters.maturityTo}
        onChange={(value) => set('maturityFrom', value)}
        data-testid="filter-maturityFrom"
      />
      <CalendarDateInput
        size="xs"
        label={t('contractFilters.maturityTo')}
        value={filters.maturityTo}
        minDate={filters.maturityFrom}
        onChange={(value) => set('maturityTo', value)}
        data-testid="filter-maturityTo"
      />
    </SimpleGrid>
  )
}
