import { z } from 'zod'
import { contractDetailChannels } from './contract-detail'
import { todayChannels } from './contract-today'
import { triageChannels } from './triage-schemas'
import { InsurerRuleSet, URGENCY_BUCKETS } from '../domain/insurer-rules'
import { ContractFilters } from './contract-filters'
import {
  Flow,
  OutboxState,
  ProcedureScreen,
  ReissueKind,
  RenewalChannel,
  RenewalStatus,
  RenewalStep,
} from '../domain/renewal'

/**
 * The one API between the UI and the backend. Both hosts (Electron IPC and the loopback
 * web host) serve exactly these methods, and validate every input with these schemas.
 * Names are `area:verb`; the preload exposes each as `api.area.verb(input)`.
 */

const NoInput = z.object({}).strict()

export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  contractCount: z.number().int(),
  /** Where the cached data came from: the generated demo book, or an insurer sync. */
  dataSource: z.enum(['demo', 'insurer', 'empty']),
  insurers: z.array(
    z.object({ id: z.string(), name: z.string(), isDemo: z.boolean(), rules: InsurerRuleSet }),
  ),
})
export type AppInfo = z.infer<typeof AppInfo>

export const CONTRACT_SORT_KEYS = [
  'maturity',
  'cutoff',
  'policyNumber',
  'clientKana',
  'step',
] as const
export const ContractSortKey = z.enum(CONTRACT_SORT_KEYS)
export type ContractSortKey = z.infer<typeof ContractSortKey>

export const SortDirection = z.enum(['asc', 'desc'])
export type SortDirection = z.infer<typeof SortDirection>

export const ListContractsInput = z
  .object({
    sort: z
      .object({ key: ContractSortKey, direction: SortDirection })
      .strict()
      .default({ key: 'cutoff', direction: 'asc' }),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    /** Narrows the list (contract-filters.ts); a search caps the matches (SEARCH_MATCH_CAP). */
    filters: ContractFilters.default({}),
    /**
     * Keyset paging: the previous page's nextCursor. Reads on from there by index instead of
     * skipping `offset` rows, so a deep page costs what the first does; offset must be 0.
     */
    after: z.string().min(1).max(400).optional(),
  })
  .strict()
  .refine((i) => i.after === undefined || i.offset === 0, {
    message: 'after と offset は同時に指定できません / use either after or offset, not both',
    path: ['after'],
  })
export type ListContractsInput = z.input<typeof ListContractsInput>

export const ContractListRow = z.object({
  id: z.number().int(),
  insurerName: z.string(),
  policyNumber: z.string(),
  flow: Flow,
  clientName: z.string(),
  clientKana: z.string(),
  vehicleName: z.string(),
  vehiclePlate: z.string(),
  maturityDate: z.string(),
  /** ISO 8601 with +09:00: the instant the insurer's web procedure closes. */
  webCutoffAt: z.string(),
  /** Null once the contract no longer needs renewing (renewed, lapsed, cancelled). */
  urgency: z.enum(URGENCY_BUCKETS).nullable(),
  step: RenewalStep,
  screen: ProcedureScreen.nullable(),
  renewalStatus: RenewalStatus,
  renewalChannel: RenewalChannel.nullable(),
  staffName: z.string().nullable(),
})
export type ContractListRow = z.infer<typeof ContractListRow>

/**
 * One page of rows. It does not say how many match: counting tens of thousands of matches
 * costs far more than reading 200 rows in index order (flow A within 14 days at 1M
 * contracts: ~450 ms against ~4 ms), so the list asks contracts:count on its own and paints
 * the rows without waiting for the number.
 */
export const CountContractsInput = z
  .object({
    /** The same filters as contracts:list; the order does not change a count. */
    filters: ContractFilters.default({}),
  })
  .strict()
export type CountContractsInput = z.input<typeof CountContractsInput>

export const ContractCount = z.object({
  total: z.number().int(),
  /** A search stops counting at SEARCH_MATCH_CAP matches: total is then "at least". */
  totalCapped: z.boolean(),
})
export type ContractCount = z.infer<typeof ContractCount>

export const ContractPage = z.object({
  rows: z.array(ContractListRow),
  offset: z.number().int(),
  /** Pass as `after` for the next page (keyset); null on the last page. */
  nextCursor: z.string().nullable().optional(),
  /**
   * A search's page says how many it matched: it finds them all (up to the cap) to put
   * them in order anyway, so the list need not ask contracts:count again.
   */
  searchMatches: ContractCount.optional(),
})
export type ContractPage = z.infer<typeof ContractPage>

/** The contract list's filters and sort, saved by name for the signed-in staff member. */
export const SavedView = z.object({
  id: z.number().int(),
  name: z.string(),
  filters: ContractFilters,
  sort: z.object({ key: ContractSortKey, direction: SortDirection }),
  updatedAt: z.string(),
})
export type SavedView = z.infer<typeof SavedView>

export const SaveViewInput = z
  .object({
    name: z.string().trim().min(1, '名前を入力してください / enter a name').max(60),
    filters: ContractFilters,
    sort: z.object({ key: ContractSortKey, direction: SortDirection }).strict(),
  })
  .strict()

export const INSURER_CONNECTION_STATES = [
  'connected',
  'offline',
  'site_closed',
  'busy',
  'unauthorized',
  'not_configured',
  'error',
] as const

export const InsurerStatus = z.object({
  insurers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      isDemo: z.boolean(),
      state: z.enum(INSURER_CONNECTION_STATES),
      /** ISO with +09:00; when the state was last checked. */
      checkedAt: z.string().nullable(),
      /** site_closed: when the insurer's site reopens (ISO with +09:00). */
      reopensAt: z.string().nullable(),
      /** Host and port only, e.g. "127.0.0.1:53123"; never credentials. */
      endpoint: z.string().nullable(),
    }),
  ),
})
export type InsurerStatus = z.infer<typeof InsurerStatus>

const REQUIRED = '入力してください / required'

/** https, or plain http on this machine only (a test or demo server). */
const InsurerBaseUrl = z
  .url({
    protocol: /^https?$/,
    error: 'URLを入力してください（https://…） / enter a URL (https://…)',
  })
  .refine((value) => {
    // Refinements run even when the URL check above failed: let that check speak then.
    if (!URL.canParse(value)) return true
    const url = new URL(value)
    return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  }, 'https:// のURLを指定してください（http は 127.0.0.1 のみ） / use an https:// URL (http only on 127.0.0.1)')

export const ConfigureInsurerInput = z
  .object({
    insurerId: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{1,31}$/,
        '英小文字・数字・ハイフン 2〜32文字 / 2–32 lowercase letters, digits, hyphens',
      ),
    name: z.string().trim().min(1, REQUIRED).max(100),
    baseUrl: InsurerBaseUrl,
    clientId: z.string().trim().min(1, REQUIRED).max(255),
    /** Goes to the OS secret store in the main process; never stored in the database or sent back. */
    clientSecret: z.string().min(1, REQUIRED).max(512),
  })
  .strict()
export type ConfigureInsurerInput = z.input<typeof ConfigureInsurerInput>

export const ConfigureInsurerResult = z.object({
  insurerId: z.string(),
  /** Connections are made at start: the new settings take effect after a restart. */
  restartRequired: z.boolean(),
})

export const SYNC_STATES = ['never', 'syncing', 'idle', 'offline', 'site_closed', 'error'] as const

export const SyncStatus = z.object({
  state: z.enum(SYNC_STATES),
  /** While syncing: the initial snapshot or the change feed, with progress. */
  phase: z.enum(['snapshot', 'changes']).nullable(),
  progress: z
    .object({
      done: z.number().int(),
      total: z.number().int().nullable(),
      etaMs: z.number().int().nullable(),
    })
    .nullable(),
  /** "Data as of": the last time every insurer synced (ISO with +09:00). */
  lastSuccessAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  /** site_closed: when the insurer's site reopens. */
  reopensAt: z.string().nullable(),
  /** Reissues written locally and not yet accepted by the insurer. */
  pendingOutbox: z.number().int(),
  /** Machine code of the last failure (the UI words it), and the core's own words. */
  lastErrorCode: z.string().nullable(),
  lastErrorMessage: z.string().nullable(),
  /** How often the app syncs on its own (staff can change it). */
  intervalMinutes: z.number().int(),
})
export type SyncStatus = z.infer<typeof SyncStatus>

/** Choices offered for the automatic sync; the insurer's rate limits make < 1 min unwise. */
export const SYNC_INTERVAL_MINUTES = [1, 5, 10, 15, 30, 60] as const

export const ConfigureSyncInput = z
  .object({
    intervalMinutes: z
      .number()
      .int()
      .refine((m) => (SYNC_INTERVAL_MINUTES as readonly number[]).includes(m), {
        message: `${SYNC_INTERVAL_MINUTES.join(', ')} 分から選んでください / choose one of ${SYNC_INTERVAL_MINUTES.join(', ')} minutes`,
      }),
  })
  .strict()

export const RequestReissueInput = z
  .object({
    contractId: z.number().int().positive(),
    kind: ReissueKind,
    /** Required and recorded: why staff asked (shown in the audit trail). */
    reason: z.string().trim().min(1, REQUIRED).max(500),
    /** Correct the client's address first, then send to it. */
    correctedEmail: z.email('メールアドレスの形式ではありません / not an email address').optional(),
    /** The signed-in staff member. */
    requestedBy: z.string().min(1),
  })
  .strict()

export const OutboxItem = z.object({
  id: z.number().int(),
  contractId: z.number().int(),
  policyNumber: z.string(),
  kind: ReissueKind,
  state: OutboxState,
  attempts: z.number().int(),
  requestedAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  emailCorrected: z.boolean(),
  lastErrorCode: z.string().nullable(),
  lastErrorMessage: z.string().nullable(),
})
export type OutboxItem = z.infer<typeof OutboxItem>

export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  nameKana: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  role: z.enum(['staff', 'manager']),
})
export type StaffMember = z.infer<typeof StaffMember>

/** Who is using the app (chosen at sign-in; managers see their branch) and who could. */
export const Session = z.object({
  current: StaffMember.nullable(),
  staff: z.array(StaffMember),
})
export type Session = z.infer<typeof Session>

export const SignInInput = z.object({ staffId: z.string().min(1).max(64) }).strict()

export const apiContract = {
  'app:info': { input: NoInput, output: AppInfo },
  'contracts:list': { input: ListContractsInput, output: ContractPage },
  /** How many contracts match the filters (the list's total), asked beside its pages. */
  'contracts:count': { input: CountContractsInput, output: ContractCount },
  /** Saved views of the contract list, per signed-in staff member (stored locally). */
  'views:list': { input: NoInput, output: z.object({ views: z.array(SavedView) }) },
  /** Saving under an existing name replaces that view. */
  'views:save': { input: SaveViewInput, output: SavedView },
  'views:delete': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ id: z.number().int() }),
  },
  'insurer:status': { input: NoInput, output: InsurerStatus },
  'insurer:configure': { input: ConfigureInsurerInput, output: ConfigureInsurerResult },
  'session:get': { input: NoInput, output: Session },
  /** A simple choice of who is at this PC (no password: the PC's own login guards it). */
  'session:signIn': { input: SignInInput, output: Session },
  'session:signOut': { input: NoInput, output: Session },
  'sync:status': { input: NoInput, output: SyncStatus },
  /** Starts a cycle now (or joins the running one) and answers at once with the status. */
  'sync:run': { input: NoInput, output: SyncStatus },
  /** Sets the automatic sync interval (kept across restarts) and answers with the status. */
  'sync:configure': { input: ConfigureSyncInput, output: SyncStatus },
  /** Answers only once the request, its audit entry and timeline entry are committed. */
  'reissues:request': { input: RequestReissueInput, output: OutboxItem },
  'reissues:cancel': {
    input: z
      .object({ outboxId: z.number().int().positive(), cancelledBy: z.string().min(1) })
      .strict(),
    output: z.object({ outboxId: z.number().int() }),
  },
  'reissues:list': {
    input: z
      .object({
        contractId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.object({
      items: z.array(OutboxItem),
      pending: z.number().int(),
      total: z.number().int(),
    }),
  },
  ...contractDetailChannels,
  ...todayChannels,
  ...triageChannels,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type ApiContract = typeof apiContract
export type Channel = keyof ApiContract
export type InputOf<C extends Channel> = z.input<ApiContract[C]['input']>
export type ParsedInputOf<C extends Channel> = z.output<ApiContract[C]['input']>
export type OutputOf<C extends Channel> = z.output<ApiContract[C]['output']>

export const CHANNELS = Object.keys(apiContract) as Channel[]

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(apiContract, name)
}

/** What the backend implements: one async function per method, input already validated. */
export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> }
