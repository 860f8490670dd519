import type { ContractSortKey } from '../../../../electron/common/api/contract'

export type ColumnId =
  'policyNumber' | 'client' | 'vehicle' | 'maturity' | 'cutoff' | 'step' | 'staff'

export interface ColumnDef {
  id: ColumnId
  /** The server-side sort this header triggers; absent = not sortable. */
  sortKey?: ContractSortKey
  /** A CSS grid track; header and rows share it so columns line up without a <table>. */
  track: string
}

export const COLUMNS: readonly ColumnDef[] = [
  { id: 'policyNumber', sortKey: 'policyNumber', track: 'minmax(130px, 0.9fr)' },
  { id: 'client', sortKey: 'clientKana', track: 'minmax(150px, 1.2fr)' },
  { id: 'vehicle', track: 'minmax(160px, 1.2fr)' },
  { id: 'maturity', sortKey: 'maturity', track: '108px' },
  { id: 'cutoff', sortKey: 'cutoff', track: '260px' },
  { id: 'step', sortKey: 'step', track: 'minmax(200px, 1.5fr)' },
  { id: 'staff', track: 'minmax(96px, 0.6fr)' },
]

export const GRID_TEMPLATE = COLUMNS.map((c) => c.track).join(' ')

/** Fixed so the virtualiser never measures: two short text lines per row. */
export const ROW_HEIGHT = 52
export const HEADER_HEIGHT = 40
