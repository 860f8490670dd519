import { contractSearchKey } from '../../../common/domain/contract-search-key'
import { webCutoff, type InsurerRuleSet } from '../../../common/domain/insurer-rules'
import type { DemoContract } from '../../../../demo-data/types'
import { scheduleValues } from '../workspace/schedule-columns'
import { mailStateValues, progressValues } from '../workspace/web-state-rows'
import { ROWS_PER_STATEMENT } from './batch-insert'
import type { DemoInserts } from './statements'
import { demoTimeline } from './timeline'

/**
 * Writes one generated contract and its dependent rows. webCutoff() goes through the
 * time-zone library, so its result is cached per (insurer, maturity date): ~400 distinct
 * values in a book, instead of a million conversions.
 */
export class DemoRowWriter {
  private readonly cutoffs = new Map<string, number>()

  constructor(
    private readonly inserts: DemoInserts,
    private readonly rulesByInsurer: ReadonlyMap<string, InsurerRuleSet>,
    private readonly updatedAt: number,
  ) {}

  webCutoffAt(insurerId: string, maturityDate: string): number {
    const key = `${insurerId}|${maturityDate}`
    let cutoff = this.cutoffs.get(key)
    if (cutoff === undefined) {
      const rules = this.rulesByInsurer.get(insurerId)
      if (!rules) throw new Error(`unknown demo insurer ${insurerId}`)
      cutoff = webCutoff(maturityDate, rules).getTime()
      this.cutoffs.set(key, cutoff)
    }
    return cutoff
  }

  /**
   * Buffers one contract's rows; they reach the database in batches, and at the latest on
   * flush(). Returns how many timeline events it adds.
   */
  write(c: DemoContract, contractId: number, clientId: number): number {
    const s = this.inserts
    const at = this.updatedAt
    const { client, mail, progress } = c
    const webCutoffAt = this.webCutoffAt(c.insurerId, c.maturityDate)
    // The demo book's mail and progress have the domain's shapes (contract-web-state.ts).
    const schedule = scheduleValues({
      flow: c.flow,
      renewalStatus: c.renewalStatus,
      renewalChannel: c.renewalChannel,
      maturityDate: c.maturityDate,
      webCutoffAt,
      mail,
      progress,
    })
    s.client.add(
      clientId,
      client.nameKanji,
      client.nameKana,
      client.birthDate,
      client.postcode,
      client.address,
      client.phone,
      client.email,
      at,
    )
    s.contract.add(
      contractId,
      c.insurerId,
      c.policyNumber,
      c.flow,
      clientId,
      c.namedInsured.name,
      c.namedInsured.kana,
      c.vehicleOwnerName,
      c.vehicle.name,
      c.vehicle.plate,
      c.inceptionDate,
      c.maturityDate,
      webCutoffAt,
      c.premiumYen,
      c.staffId,
      c.branchId,
      c.renewalStatus,
      c.renewalChannel,
      c.renewedPolicyNumber,
      at,
      ...schedule,
    )
    s.mail.add(contractId, ...mailStateValues(mail), at)
    s.progress.add(contractId, ...progressValues(progress), at)
    const key = contractSearchKey({
      clientName: client.nameKanji,
      clientKana: client.nameKana,
      namedInsuredName: c.namedInsured.name,
      namedInsuredKana: c.namedInsured.kana,
      phone: client.phone,
      plate: c.vehicle.plate,
      policyNumber: c.policyNumber,
    })
    s.search.add(contractId, key.names, key.numbers)
    const events = demoTimeline(c)
    for (const e of events) {
      const staffId = e.source === 'staff' ? c.staffId : null
      s.timeline.add(contractId, e.occurredAt, e.source, e.kind, JSON.stringify(e.detail), staffId)
    }
    if (s.contract.pending >= ROWS_PER_STATEMENT) s.flushAll()
    return events.length
  }

  /** Call before the transaction commits. */
  flush(): void {
    this.inserts.flushAll()
  }
}
