import type { Kysely } from 'kysely'
import type { ContractPage, ParsedInputOf } from '../../../common/api/contract'
import { contractUrgency } from '../../../common/domain/insurer-rules'
import { toJstIso } from '../../../common/domain/japan-time'
import { countLiveContracts, listContracts } from '../../../../db/queries/contracts'
import type { Database } from '../../../../db/schema'

export async function listContractPage(
  db: Kysely<Database>,
  input: ParsedInputOf<'contracts:list'>,
  now: Date,
): Promise<ContractPage> {
  const [rows, total] = await Promise.all([listContracts(db, input), countLiveContracts(db)])
  return {
    total,
    offset: input.offset,
    rows: rows.map((r) => ({
      id: r.id,
      insurerName: r.insurer_name,
      policyNumber: r.policy_number,
      flow: r.flow,
      clientName: r.client_name,
      clientKana: r.client_kana,
      vehicleName: r.vehicle_name,
      vehiclePlate: r.vehicle_plate,
      maturityDate: r.maturity_date,
      webCutoffAt: toJstIso(r.web_cutoff_at),
      urgency: contractUrgency(now, new Date(r.web_cutoff_at), r.renewal_status),
      step: r.step ?? 'none',
      screen: r.screen ?? null,
      renewalStatus: r.renewal_status,
      renewalChannel: r.renewal_channel,
      staffName: r.staff_name ?? null,
    })),
  }
}
