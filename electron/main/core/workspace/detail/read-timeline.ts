import type { Kysely } from 'kysely'
import type { TimelineEntry } from '../../../../common/api/contract-detail'
import { toJstIso } from '../../../../common/domain/japan-time'
import type { Database } from '../../../../../db/schema'
import {
  AUDIT_TIMELINE_ACTIONS,
  labelOfAuditAction,
  labelOfEventKind,
  timelineParams,
} from './timeline-labels'

/** A contract with a long history shows its latest entries; older ones stay in the database. */
export const TIMELINE_LIMIT = 200

interface Dated {
  entry: TimelineEntry
  at: number
  /** Breaks ties between entries of the same instant so the order never flickers. */
  order: number
}

const base = { body: null, outboxState: null } as const

/**
 * The contract's history, newest first: the insurer's events, the outbox's requests with
 * where each stands now, staff notes, and staff actions kept only in the audit log.
 * A request's own "queued" event is left out: its outbox entry says the same and more.
 */
export async function readTimeline(
  db: Kysely<Database>,
  contractId: number,
): Promise<TimelineEntry[]> {
  const [events, outbox, notes, audits, staff] = await Promise.all([
    db
      .selectFrom('timeline_events as e')
      .leftJoin('staff as s', 's.id', 'e.staff_id')
      .select([
        'e.id',
        'e.occurred_at',
        'e.source',
        'e.kind',
        'e.detail_json',
        's.name as staff_name',
      ])
      .where('e.contract_id', '=', contractId)
      .where('e.kind', '!=', 'reissue.queued')
      .orderBy('e.occurred_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(TIMELINE_LIMIT)
      .execute(),
    db
      .selectFrom('reissue_outbox as o')
      .leftJoin('staff as s', 's.id', 'o.requested_by')
      .select([
        'o.id',
        'o.kind',
        'o.state',
        'o.requested_at',
        'o.corrected_email',
        's.name as staff_name',
      ])
      .where('o.contract_id', '=', contractId)
      .orderBy('o.requested_at', 'desc')
      .limit(TIMELINE_LIMIT)
      .execute(),
    db
      .selectFrom('notes as n')
      .leftJoin('staff as s', 's.id', 'n.staff_id')
      .select(['n.id', 'n.body', 'n.created_at', 's.name as staff_name'])
      .where('n.contract_id', '=', contractId)
      .orderBy('n.created_at', 'desc')
      .limit(TIMELINE_LIMIT)
      .execute(),
    db
      .selectFrom('audit_log as a')
      .leftJoin('staff as s', 's.id', 'a.actor_staff_id')
      .select(['a.id', 'a.at', 'a.action', 'a.detail_json', 's.name as staff_name'])
      .where('a.entity', '=', 'contract')
      .where('a.entity_id', '=', String(contractId))
      .where('a.action', 'in', AUDIT_TIMELINE_ACTIONS)
      .orderBy('a.at', 'desc')
      .limit(TIMELINE_LIMIT)
      .execute(),
    db.selectFrom('staff').select(['id', 'name']).execute(),
  ])
  const staffName = new Map(staff.map((s) => [s.id, s.name]))
  /** A reassignment names both staff members (ids in the audit row, names for the screen). */
  const auditParams = (detailJson: string) => {
    const params = timelineParams(detailJson)
    for (const [idKey, nameKey] of [
      ['fromStaffId', 'fromStaff'],
      ['toStaffId', 'toStaff'],
    ] as const) {
      const id = params[idKey]
      if (typeof id === 'string') params[nameKey] = staffName.get(id) ?? id
      delete params[idKey]
    }
    return params
  }

  const dated: Dated[] = [
    ...events.map((e): Dated => {
      const params = timelineParams(e.detail_json)
      const label = labelOfEventKind(e.kind, params)
      if (label === 'unknown') params.kind = e.kind.slice(0, 64)
      delete params.status // only used to tell the demo book's failures apart
      return {
        at: e.occurred_at,
        order: e.id,
        entry: {
          ...base,
          key: `event-${e.id}`,
          at: toJstIso(e.occurred_at),
          source: e.source,
          label,
          params,
          staffName: e.staff_name,
        },
      }
    }),
    ...outbox.map((o): Dated => ({
      at: o.requested_at,
      order: o.id,
      entry: {
        key: `outbox-${o.id}`,
        at: toJstIso(o.requested_at),
        source: 'staff',
        label: 'reissueRequested',
        // Whether the address was corrected, never the address itself.
        params: { reissueKind: o.kind, emailCorrected: o.corrected_email !== null },
        staffName: o.staff_name,
        body: null,
        outboxState: o.state,
      },
    })),
    ...notes.map((n): Dated => ({
      at: n.created_at,
      order: n.id,
      entry: {
        key: `note-${n.id}`,
        at: toJstIso(n.created_at),
        source: 'staff',
        label: 'note',
        params: {},
        staffName: n.staff_name,
        body: n.body,
        outboxState: null,
      },
    })),
    ...audits.map((a): Dated => ({
      at: a.at,
      order: a.id,
      entry: {
        ...base,
        key: `audit-${a.id}`,
        at: toJstIso(a.at),
        source: 'staff',
        label: labelOfAuditAction(a.action),
        params: auditParams(a.detail_json),
        staffName: a.staff_name,
      },
    })),
  ]
  dated.sort((x, y) => y.at - x.at || y.order - x.order)
  return dated.slice(0, TIMELINE_LIMIT).map((d) => d.entry)
}
