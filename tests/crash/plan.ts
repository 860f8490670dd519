import type { ReissueKind } from '../../electron/common/domain/renewal'

export interface PlannedReissue {
  contractId: number
  kind: ReissueKind
  /** Unique per planned request: how a restarted worker knows it already queued it. */
  reason: string
}

export interface CrashWorkerArgs {
  dbPath: string
  url: string
  clientId: string
  clientSecret: string
  staffId: string
  pageSize: number
  insurers: { id: string; policySeries: string }[]
  plan: PlannedReissue[]
}
