import { toJstIso } from '../electron/common/domain/japan-time'
import type { ReissueFailureCode, ReissueKind, WireReissue } from './api-types'

export interface ReissueRecord {
  id: string
  index: number
  policyNumber: string
  kind: ReissueKind
  status: WireReissue['status']
  acceptedAt: number
  completedAt: number | null
  failureCode: ReissueFailureCode | null
  idempotencyKey: string
  correctedEmail: string | null
}

/** Every reissue accepted in this run; outcomes are filled in by the simulation. */
export class ReissueRegistry {
  private readonly byId = new Map<string, ReissueRecord>()
  private readonly accepted: ReissueRecord[] = []
  private counter = 0

  constructor(private readonly run: string) {}

  get size(): number {
    return this.accepted.length
  }

  create(
    fields: Omit<ReissueRecord, 'id' | 'status' | 'completedAt' | 'failureCode'>,
  ): ReissueRecord {
    this.counter += 1
    // The run id keeps an id from an earlier run of the demo insurer from matching.
    const id = `rs_${this.run}_${String(this.counter).padStart(6, '0')}`
    const record: ReissueRecord = {
      ...fields,
      id,
      status: 'accepted',
      completedAt: null,
      failureCode: null,
    }
    this.byId.set(id, record)
    this.accepted.push(record)
    return record
  }

  get(id: string): ReissueRecord | undefined {
    return this.byId.get(id)
  }

  all(): readonly ReissueRecord[] {
    return this.accepted
  }
}

/** completedAt is when the outcome was known, for a failure as for a success. */
export function reissueToWire(r: ReissueRecord): WireReissue {
  return {
    id: r.id,
    policyNumber: r.policyNumber,
    kind: r.kind,
    status: r.status,
    acceptedAt: toJstIso(r.acceptedAt),
    completedAt: r.completedAt === null ? null : toJstIso(r.completedAt),
    failureCode: r.failureCode,
  }
}
