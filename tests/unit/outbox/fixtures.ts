import { openDatabase, type DatabaseHandle } from '../../../db/connection'
import { migrateToLatest } from '../../../db/migrate'
import type { InsurerAdapter } from '../../../electron/main/core/insurer/adapter'
import type { Reissue, ReissueRequest } from '../../../electron/main/core/insurer/wire'
import { tempDir } from '../../support/temp-db'

/** A small book for outbox unit tests: one insurer, one staff member, a few contracts. */
export const T0 = Date.parse('2026-11-23T10:00:00+09:00')
export const STAFF = 'st-001'
export const INSURER = 'ins-a'
export const OTHER_INSURER = 'ins-b'

export interface OutboxTestDb {
  database: DatabaseHandle
  /** Contract ids by role. */
  contracts: {
    a1: number
    a2: number
    b1: number
    renewed: number
    deleted: number
    /** Flow A, at OTHER_INSURER. */
    other: number
  }
  count(table: string): number
  close(): Promise<void>
}

export async function openOutboxTestDb(): Promise<OutboxTestDb> {
  const dir = tempDir('renewal-desk-outbox-')
  const database = openDatabase({ path: dir.file('outbox.sqlite') })
  await migrateToLatest(database.db)
  const s = database.sqlite
  const insurer = s.prepare(
    `INSERT INTO insurers (id, name, time_zone, web_cutoff_days_before, web_cutoff_time,
      site_closed_from, site_closed_until, web_window_opens_days_before, created_at, updated_at)
     VALUES (?, 'テスト保険', 'Asia/Tokyo', 2, '23:55', '04:00', '06:00', 60, ?, ?)`,
  )
  insurer.run(INSURER, T0, T0)
  insurer.run(OTHER_INSURER, T0, T0)
  s.prepare(`INSERT INTO branches (id, name) VALUES ('br-1', '本店')`).run()
  s.prepare(
    `INSERT INTO staff (id, branch_id, name, name_kana, role) VALUES (?, 'br-1', '担当 一郎', 'タントウ イチロウ', 'staff')`,
  ).run(STAFF)
  s.prepare(
    `INSERT INTO clients (id, name_kanji, name_kana, email, updated_at) VALUES (1, '契約 太郎', 'ケイヤク タロウ', 'taro@example.jp', ?)`,
  ).run(T0)
  const insert = s.prepare(
    `INSERT INTO contracts (insurer_id, policy_number, flow, client_id, named_insured_name,
      named_insured_kana, vehicle_owner_name, vehicle_name, vehicle_plate, inception_date,
      maturity_date, web_cutoff_at, premium_yen, staff_id, renewal_status, deleted_at, updated_at)
     VALUES (?, ?, ?, 1, '契約 太郎', 'ケイヤク タロウ', '契約 太郎', 'プリウス', '品川 300 あ 12-34',
      '2026-01-10', '2027-01-10', ?, 50000, ?, ?, ?, ?)`,
  )
  const add = (
    policy: string,
    flow: 'A' | 'B',
    status = 'not_started',
    deletedAt: number | null = null,
    insurerId = INSURER,
  ) => Number(insert.run(insurerId, policy, flow, T0, STAFF, status, deletedAt, T0).lastInsertRowid)
  const contracts = {
    a1: add('1000001', 'A'),
    a2: add('1000002', 'A', 'in_progress'),
    b1: add('5000001', 'B'),
    renewed: add('1000003', 'A', 'renewed'),
    deleted: add('1000004', 'A', 'not_started', T0),
    other: add('7000001', 'A', 'not_started', null, OTHER_INSURER),
  }
  return {
    database,
    contracts,
    count: (table) => (s.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    close: async () => {
      await database.close()
      dir.remove()
    },
  }
}

export type ReissueCall = { policyNumber: string; request: ReissueRequest; key: string }

/** An adapter whose requestReissue is scripted per call; other operations are not used. */
export function fakeAdapter(
  answer: (call: ReissueCall, index: number) => Reissue | Promise<Reissue>,
): InsurerAdapter & { calls: ReissueCall[] } {
  const calls: ReissueCall[] = []
  const unused = () => Promise.reject(new Error('not used by the outbox'))
  return {
    calls,
    listContracts: unused,
    getContract: unused,
    listChanges: unused,
    getReissue: unused,
    ping: unused,
    requestReissue: async (policyNumber, request, key) => {
      const call = { policyNumber, request, key }
      calls.push(call)
      return answer(call, calls.length - 1)
    },
  }
}

let counter = 0
export function acceptedReissue(call: ReissueCall, at = T0): Reissue {
  counter += 1
  return {
    id: `rs_${counter}`,
    policyNumber: call.policyNumber,
    kind: call.request.kind,
    status: 'accepted',
    acceptedAt: new Date(at).toISOString(),
    completedAt: null,
    failureCode: null,
  }
}

export const instantSleep = () => Promise.resolve()
