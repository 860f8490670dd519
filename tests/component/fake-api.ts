import { vi } from 'vitest'
import { SEED_RULE_SET } from '../../electron/common/domain/insurer-rules'
import type { Api } from '../../renderer/src/api/client'
import type {
  AppInfo,
  ContractListRow,
  ContractPage,
  ListContractsInput,
  SyncStatus,
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
  return { rows: sorted.slice(offset, offset + limit), total: rows.length, offset }
}

export type FakeApi = {
  app: { info: ReturnType<typeof vi.fn<Api['app']['info']>> }
  contracts: { list: ReturnType<typeof vi.fn<Api['contracts']['list']>> }
  insurer: {
    status: ReturnType<typeof vi.fn<Api['insurer']['status']>>
    configure: ReturnType<typeof vi.fn<Api['insurer']['configure']>>
  }
  sync: {
    status: ReturnType<typeof vi.fn<Api['sync']['status']>>
    run: ReturnType<typeof vi.fn<Api['sync']['run']>>
    configure: ReturnType<typeof vi.fn<Api['sync']['configure']>>
  }
  reissues: {
    request: ReturnType<typeof vi.fn<Api['reissues']['request']>>
    cancel: ReturnType<typeof vi.fn<Api['reissues']['cancel']>>
    list: ReturnType<typeof vi.fn<Api['reissues']['list']>>
  }
}

/** An Api whose methods are spies; pass `rows` for a book, or replace an implementation. */
export function createFakeApi({
  rows = [],
  info = { ...DEMO_INFO, contractCount: rows.length },
}: { rows?: readonly ContractListRow[]; info?: AppInfo } = {}): FakeApi {
  return {
    app: { info: vi.fn<Api['app']['info']>(async () => info) },
    contracts: { list: vi.fn<Api['contracts']['list']>(async (input) => pageOf(rows, input)) },
    insurer: {
      status: vi.fn<Api['insurer']['status']>(async () => ({
        insurers: info.insurers.map((i) => ({
          id: i.id,
          name: i.name,
          isDemo: i.isDemo,
          state: 'connected' as const,
          checkedAt: '2026-11-23T10:00:00+09:00',
          reopensAt: null,
          endpoint: '127.0.0.1:8787',
        })),
      })),
      configure: vi.fn<Api['insurer']['configure']>(async (input) => ({
        insurerId: input.insurerId,
        restartRequired: true,
      })),
    },
    sync: {
      status: vi.fn(async () => SYNCED),
      run: vi.fn(async () => SYNCED),
      configure: vi.fn<Api['sync']['configure']>(async (input) => ({
        ...SYNCED,
        intervalMinutes: input.intervalMinutes,
      })),
    },
    // No screen sends reissues yet; a test that needs them supplies an implementation.
    reissues: {
      request: vi.fn<Api['reissues']['request']>(() => Promise.reject(new Error('not faked'))),
      cancel: vi.fn<Api['reissues']['cancel']>(() => Promise.reject(new Error('not faked'))),
      list: vi.fn<Api['reissues']['list']>(async () => ({ items: [], pending: 0, total: 0 })),
    },
  }
}
