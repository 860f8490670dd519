import type { InsurerRuleSet } from '../electron/common/domain/insurer-rules'
import type {
  BounceReason,
  Flow,
  MailStatus,
  MismatchField,
  MypageStatus,
  PasswordMailStatus,
  ProcedureScreen,
  RenewalChannel,
  RenewalStatus,
  RenewalStep,
  StaffRole,
} from '../electron/common/domain/renewal'

/**
 * The demo book of business, in domain terms (camelCase, instants as epoch milliseconds,
 * calendar dates as 'YYYY-MM-DD'). The app's seeding and the demo insurer both consume
 * this shape; neither depends on the other.
 */
export interface DemoOptions {
  seed: number
  /** How many contracts, 100 to 1,000,000. */
  contracts: number
  /** "Now" for the generated states: events happen before it, maturities spread after it. */
  now: number
}

export interface DemoInsurer {
  id: string
  name: string
  rules: InsurerRuleSet
}

export interface DemoBranch {
  id: string
  name: string
}

export interface DemoStaff {
  id: string
  branchId: string
  name: string
  nameKana: string
  role: StaffRole
}

export interface DemoReferenceData {
  insurers: DemoInsurer[]
  branches: DemoBranch[]
  staff: DemoStaff[]
}

export interface DemoClient {
  nameKanji: string
  /** Full-width katakana reading, family and given name separated by a full-width space. */
  nameKana: string
  birthDate: string
  postcode: string
  address: string
  phone: string
  email: string | null
}

export interface DemoMailState {
  idMail: MailEvent<MailStatus>
  passwordMail: MailEvent<PasswordMailStatus>
  credentialsIssuedYear: number | null
  firstLoginAt: number | null
  tempPasswordChangedAt: number | null
  passwordExpiredAt: number | null
  mypage: {
    status: MypageStatus
    provisionalAt: number | null
    provisionalExpiresAt: number | null
    registeredAt: number | null
    failedAt: number | null
    mismatchField: MismatchField | null
  }
}

export interface MailEvent<S extends string> {
  status: S
  sentAt: number | null
  deliveredAt: number | null
  failedAt: number | null
  failureReason: BounceReason | null
}

export interface DemoProgress {
  step: RenewalStep
  stepReachedAt: number | null
  screen: ProcedureScreen | null
  screenReachedAt: number | null
  startedAt: number | null
  completedAt: number | null
  lastActivityAt: number | null
}

export interface DemoContract {
  /** 0-based position; the same (seed, now, index) always yields the same contract. */
  index: number
  insurerId: string
  policyNumber: string
  flow: Flow
  client: DemoClient
  namedInsured: { name: string; kana: string }
  vehicleOwnerName: string
  vehicle: { name: string; plate: string }
  inceptionDate: string
  maturityDate: string
  premiumYen: number
  staffId: string
  branchId: string
  renewalStatus: RenewalStatus
  renewalChannel: RenewalChannel | null
  renewedPolicyNumber: string | null
  mail: DemoMailState
  progress: DemoProgress
  /** Which situation the generator placed this contract in (see scenarios.ts). */
  scenario: string
}
