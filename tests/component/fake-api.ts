import { type Mock, vi } from 'vitest'
import { SEED_RULE_SET } from '../../electron/common/domain/insurer-rules'
import type { Api } from '../../renderer/src/api/client'
import {
  apiContract,
  type AppInfo,
  type ContractListRow,
  type ContractPage,
  type ListContractsInput,
  type Session,
  type StaffMember,
  type SyncStatus,
} from '../../electron/common/api/contract'

/** A plausible row; tests override only what they look at. */
export function makeRow(overrides: Partial<ContractListRow> & { id: number }): ContractListRow {
  const n = String(overrides.id).padStart(6, '0')
  return {
    insurerName: 'デモ損保',
    policyNumber: `P-${n}`,
    flow: 'A',
    clientName: `顧客 ${n}`,
    clientKana: `コキャク ${n}`,
    vehicleName: 'プリウス',
    vehiclePlate: '品川 300 さ 12-34',
    maturityDate: '2027-04-01',
    webCutoffAt: '2027-03-30T23:55:00+09:00',
    urgency: 'd30',
    step: 'a1_credentials',
    screen: null,
    renewalStatus: 'in_progress',
    renewalChannel: null,
    staffName: '佐藤',
    ...overrides,
  }
}

/** A cache that finished syncing a minute ago, with nothing waiting. */
export const SYNCED: SyncStatus = {
  state: 'idle',
  phase: null,
  progress: null,
  lastSuccessAt: '2026-11-23T10:00:00+09:00',
  nextRunAt: '2026-11-23T10:05:00+09:00',
  reopensAt: null,
  pendingOutbox: 0,
  lastErrorCode: null,
  lastErrorMessage: null,
  intervalMinutes: 5,
}

export const DEMO_INFO: AppInfo = {
  version: '0.1.0',
  schemaVersion: 2,
  contractCount: 3,
  dataSource: 'demo',
  insurers: [{ id: 'demo', name: 'デモ損保', isDemo: true, rules: SEED_RULE_SET }],
}

const SORT_FIELD = {
  maturity: (r: ContractListRow) => r.maturityDate,
  cutoff: (r: ContractListRow) => r.webCutoffAt,
  policyNumber: (r: ContractListRow) => r.policyNumber,
  clientKana: (r: ContractListRow) => r.clientKana,
  step: (r: ContractListRow) => r.step,
} as const

/** Pages over an in-memory book the way the core does (sort, then offset/limit). */
export function pageOf(rows: readonly ContractListRow[], input: ListContractsInput): ContractPage {
  const { key, direction } = input.sort ?? { key: 'cutoff', direction: 'asc' }
  const field = SORT_FIELD[key]
  const sorted = [...rows].sort((a, b) => {
    const order = field(a).localeCompare(field(b)) || a.id - b.id
    return direction === 'asc' ? order : -order
  })
  const offset = input.offset ?? 0
  const limit = input.limit ?? 100
  return { rows: sorted.slice(offset, offset + limit), offset }
}

/** Every method of the Api as a spy: typed by the contract, so a new channel is here at once. */
export type FakeApi = {
  [Area in keyof Api]: {
    [Method in keyof Api[Area]]: Api[Area][Method] extends (...args: infer A) => infer R
      ? Mock<(...args: A) => R>
      : never
  }
}

/** The staff member a test signs in as, and a colleague in the same branch. */
export const STAFF: StaffMember = {
  id: 'st-001',
  name: '佐藤 一郎',
  nameKana: 'サトウ イチロウ',
  branchId: 'br-01',
  branchName: '本店',
  role: 'staff',
}
export const MANAGER: StaffMember = { ...STAFF, id: 'st-090', name: '田中 部長', role: 'manager' }

/**
 * Methods a test did not fake reject, saying which: a screen that calls something unexpected
 * fails loudly instead of hanging on an unanswered query.
 */
function unfaked(): FakeApi {
  const api: Record<string, Record<string, Mock>> = {}
  for (const channel of Object.keys(apiContract)) {
    const [area = '', method = ''] = channel.split(':')
    api[area] ??= {}
    api[area][method] = vi.fn(() => Promise.reject(new Error(`${channel} is not faked`)))
  }
  return api as unknown as FakeApi
}

/** An Api whose methods are spies; pass `rows` for a book, or replace an implementation. */
export function createFakeApi({
  rows = [],
  info = { ...DEMO_INFO, contractCount: rows.length },
  session = { current: STAFF, staff: [STAFF, MANAGER] },
}: { rows?: readonly ContractListRow[]; info?: AppInfo; session?: Session } = {}): FakeApi {
  const api = unfaked()
  api.app.info.mockImplementation(async () => info)
  api.contracts.list.mockImplementation(async (input) => pageOf(rows, input))
  // The whole book's count; a test that filters a book of more than a page fakes its own.
  api.contracts.count.mockImplementation(async () => ({ total: rows.length, totalCapped: false }))
  api.insurer.status.mockImplementation(async () => ({
    insurers: info.insurers.map((i) => ({
      id: i.id,
      name: i.name,
      isDemo: i.isDemo,
      state: 'connected' as const,
      checkedAt: '2026-11-23T10:00:00+09:00',
      reopensAt: null,
      endpoint: '127.0.0.1:8787',
    })),
  }))
  api.insurer.configure.mockImplementation(async (input) => ({
    insurerId: input.insurerId,
    restartRequired: true,
  }))
  api.sync.status.mockImplementation(async () => SYNCED)
  api.sync.run.mockImplementation(async () => SYNCED)
  api.sync.configure.mockImplementation(async (input) => ({
    ...SYNCED,
    intervalMinutes: input.intervalMinutes,
  }))
  api.reissues.list.mockImplementation(async () => ({ items: [], pending: 0, total: 0 }))
  let current = session
  api.session.get.mockImplementation(async () => current)
  api.session.signIn.mockImplementation(async ({ staffId }) => {
    current = { ...current, current: current.staff.find((s) => s.id === staffId) ?? null }
    return current
  })
  api.session.signOut.mockImplementation(async () => {
    current = { ...current, current: null }
    return current
  })
  return api
}
