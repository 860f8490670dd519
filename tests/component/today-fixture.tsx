import type { ReactNode } from 'react'
import type { TodayList, TodayRow } from '../../electron/common/api/contract-today'
import { useSession } from '../../renderer/src/features/session/use-session'

/** Screens behind the sign-in gate render once the session is known, as in AppLayout. */
export function SignedIn({ children }: { children: ReactNode }) {
  return useSession().data?.current ? children : null
}

/** A plausible row of today's list; tests override what they look at. */
export function makeTodayRow(overrides: Partial<TodayRow> & { contractId: number }): TodayRow {
  const n = String(overrides.contractId).padStart(6, '0')
  return {
    rank: 1,
    policyNumber: `P-${n}`,
    insurerName: 'デモ海上火災保険',
    flow: 'A',
    clientName: `顧客 ${n}`,
    clientKana: `コキャク ${n}`,
    staffId: 'st-001',
    staffName: '佐藤 一郎',
    maturityDate: '2026-11-27',
    webCutoffAt: '2026-11-25T23:55:00+09:00',
    urgency: 'd3',
    reasons: [
      {
        code: 'cutoff_near',
        severity: 'critical',
        text: { ja: 'Web手続き期限まで残り2日', en: '2 days left for the web procedure' },
        nextAction: {
          ja: '期限（11/25 23:55）までにWebで完了するよう連絡',
          en: 'Ask the client to finish online by 11/25 23:55',
        },
        since: null,
      },
    ],
    ...overrides,
  }
}

export function todayList(rows: TodayRow[], extra: Partial<TodayList> = {}): TodayList {
  return {
    scope: 'mine',
    asOf: '2026-11-23T10:00:00+09:00',
    rows: rows.map((r, i) => ({ ...r, rank: i + 1 })),
    truncated: false,
    ...extra,
  }
}
