import type { DatabaseHandle } from '../../../../../db/connection'
import { ruleSetOf } from '../../../../../db/queries/insurers'
import {
  stepTrackView,
  type Bilingual,
  type ContractDetail,
  type FollowUp,
  type Note,
} from '../../../../common/api/contract-detail'
import { clientGuide } from '../../../../common/domain/client-guide'
import { contractUrgency } from '../../../../common/domain/insurer-rules'
import { toJstIso } from '../../../../common/domain/japan-time'
import type { Lang } from '../../../../common/domain/renewal-labels'
import { trackSteps } from '../../../../common/domain/step-tracker'
import { nextAction, reasonText, stuckReasons } from '../../../../common/domain/stuck-reasons'
import { AppError } from '../../api/app-error'
import { readWebState } from '../web-state-rows'
import { readTimeline } from './read-timeline'

const both = (words: (lang: Lang) => string): Bilingual => ({ ja: words('ja'), en: words('en') })

export function contractNotFound(id: number): AppError {
  return new AppError(
    'not_found',
    `契約 ID ${id} は見つかりません（削除されたか、まだ同期されていません）。一覧から開き直してください。 / ` +
      `Contract ${id} was not found (removed, or not synced yet). Open it again from the list.`,
  )
}

export async function readFollowUp(
  database: DatabaseHandle,
  contractId: number,
): Promise<FollowUp | null> {
  const row = await database.db
    .selectFrom('follow_ups as f')
    .leftJoin('staff as s', 's.id', 'f.staff_id')
    .select(['f.id', 'f.due_date', 'f.reason', 'f.created_at', 's.name as staff_name'])
    .where('f.contract_id', '=', contractId)
    .where('f.done_at', 'is', null)
    .orderBy('f.id', 'desc')
    .executeTakeFirst()
  return row
    ? {
        id: row.id,
        dueDate: row.due_date,
        memo: row.reason,
        staffName: row.staff_name,
        createdAt: toJstIso(row.created_at),
      }
    : null
}

export async function readNotes(database: DatabaseHandle, contractId: number): Promise<Note[]> {
  const rows = await database.db
    .selectFrom('notes as n')
    .leftJoin('staff as s', 's.id', 'n.staff_id')
    .select(['n.id', 'n.body', 'n.staff_id', 'n.created_at', 's.name as staff_name'])
    .where('n.contract_id', '=', contractId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(500)
    .execute()
  return rows.map(toNote)
}

export function toNote(row: {
  id: number
  body: string
  staff_id: string | null
  created_at: number
  staff_name: string | null
}): Note {
  return {
    id: row.id,
    body: row.body,
    staffId: row.staff_id,
    staffName: row.staff_name,
    createdAt: toJstIso(row.created_at),
  }
}

/** 契約詳細: one live contract with its web state read as the lists read it, at `now`. */
export async function readContractDetail(
  database: DatabaseHandle,
  id: number,
  now: Date,
): Promise<ContractDetail> {
  const row = await database.db
    .selectFrom('contracts as c')
    .innerJoin('clients as cl', 'cl.id', 'c.client_id')
    .innerJoin('insurers as i', 'i.id', 'c.insurer_id')
    .leftJoin('staff as s', 's.id', 'c.staff_id')
    .leftJoin('branches as b', 'b.id', 'c.branch_id')
    .selectAll('i')
    .select([
      'c.id as contract_id',
      'c.policy_number',
      'c.flow',
      'c.named_insured_name',
      'c.named_insured_kana',
      'c.vehicle_owner_name',
      'c.vehicle_name',
      'c.vehicle_plate',
      'c.inception_date',
      'c.maturity_date',
      'c.web_cutoff_at',
      'c.renewal_status',
      'c.renewal_channel',
      'c.renewed_policy_number',
      'c.staff_id',
      'c.branch_id',
      'c.deleted_at',
      'cl.name_kanji',
      'cl.name_kana',
      'cl.postcode',
      'cl.address',
      'cl.phone',
      'cl.email',
      's.name as staff_name',
      'b.name as branch_name',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst()
  // A tombstoned contract left the insurer's book: the detail would only mislead on the phone.
  if (!row || row.deleted_at !== null) throw contractNotFound(id)
  const state = readWebState(database.sqlite, id)
  if (!state) throw contractNotFound(id)

  const [followUp, notes, timeline] = await Promise.all([
    readFollowUp(database, id),
    readNotes(database, id),
    readTimeline(database.db, id),
  ])
  return {
    id: row.contract_id,
    policyNumber: row.policy_number,
    flow: row.flow,
    insurer: { id: row.id, name: row.name, rules: ruleSetOf(row) },
    client: {
      nameKanji: row.name_kanji,
      nameKana: row.name_kana,
      postcode: row.postcode,
      address: row.address,
      phone: row.phone,
      email: row.email,
    },
    namedInsured: { name: row.named_insured_name, kana: row.named_insured_kana },
    vehicleOwnerName: row.vehicle_owner_name,
    vehicle: { name: row.vehicle_name, plate: row.vehicle_plate },
    inceptionDate: row.inception_date,
    maturityDate: row.maturity_date,
    webCutoffAt: toJstIso(row.web_cutoff_at),
    urgency: contractUrgency(now, new Date(row.web_cutoff_at), row.renewal_status),
    renewal: {
      status: row.renewal_status,
      channel: row.renewal_channel,
      renewedPolicyNumber: row.renewed_policy_number,
      step: state.progress.step,
      screen: state.progress.screen,
    },
    staff:
      row.staff_id !== null && row.staff_name !== null
        ? { id: row.staff_id, name: row.staff_name }
        : null,
    branch:
      row.branch_id !== null && row.branch_name !== null
        ? { id: row.branch_id, name: row.branch_name }
        : null,
    stuckReasons: stuckReasons(state, now).map((reason) => ({
      code: reason.code,
      severity: reason.severity,
      text: both((lang) => reasonText(reason, lang)),
      nextAction: both((lang) => nextAction(reason, lang)),
    })),
    track: stepTrackView(trackSteps(state, now)),
    clientGuide: both((lang) => clientGuide(state, now, lang)),
    followUp,
    notes,
    timeline,
    asOf: toJstIso(now),
  }
}
