import { stepTrackView, type ContractDetail } from '../../electron/common/api/contract-detail'
import type { ContractWebState } from '../../electron/common/domain/contract-web-state'
import { SEED_RULE_SET } from '../../electron/common/domain/insurer-rules'
import { toJstIso } from '../../electron/common/domain/japan-time'
import { trackSteps } from '../../electron/common/domain/step-tracker'
import { webState, type StatePatch } from '../unit/common/web-state-fixture'
import { STAFF } from './fake-api'

/** The view of a web state as the core sends it (the real trackSteps on the fixture's state). */
export function trackOf(patch: StatePatch, now: Date) {
  return stepTrackView(trackSteps(webState(patch), now))
}

/**
 * A plausible contract detail. Names here are made up; the cutoff and `asOf` default to
 * 2 days 5½ hours apart so the countdown reads 2日 5時間 whatever the test's pace.
 */
export function makeDetail(
  overrides: Partial<ContractDetail> = {},
  state: ContractWebState = webState(),
): ContractDetail {
  const asOf = '2027-03-28T18:25:00+09:00'
  return {
    id: 7,
    policyNumber: 'P-000007',
    flow: state.flow,
    insurer: { id: 'demo', name: 'デモ損保', rules: SEED_RULE_SET },
    client: {
      nameKanji: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      postcode: '100-0001',
      address: '東京都千代田区1-1',
      phone: '03-0000-0000',
      email: 'taro@example.com',
    },
    namedInsured: { name: '山田 太郎', kana: 'ヤマダ タロウ' },
    vehicleOwnerName: '山田 花子',
    vehicle: { name: 'プリウス', plate: '品川 300 さ 12-34' },
    inceptionDate: '2026-04-01',
    maturityDate: state.maturityDate,
    webCutoffAt: toJstIso(state.webCutoffAt),
    urgency: 'd3',
    renewal: {
      status: state.renewalStatus,
      channel: state.renewalChannel,
      renewedPolicyNumber: null,
      step: state.progress.step,
      screen: state.progress.screen,
    },
    staff: { id: STAFF.id, name: STAFF.name },
    branch: { id: STAFF.branchId, name: STAFF.branchName },
    stuckReasons: [
      {
        code: 'password_mail_missing',
        severity: 'warning',
        text: {
          ja: 'パスワード発行メール未着（IDメール送信から3日）',
          en: 'Password mail not received (3 days since the ID mail)',
        },
        nextAction: { ja: 'パスワードを再発行する', en: 'Reissue the password' },
      },
    ],
    track: stepTrackView(trackSteps(state, new Date(asOf))),
    clientGuide: {
      ja: '「お手続きのお知らせメール」（ID）を待っています。',
      en: 'Waiting for the ID mail.',
    },
    followUp: null,
    notes: [],
    timeline: [
      {
        key: 'event-1',
        at: '2027-03-25T09:00:00+09:00',
        source: 'insurer',
        label: 'idMailSent',
        params: {},
        staffName: null,
        body: null,
        outboxState: null,
      },
      {
        key: 'outbox-3',
        at: '2027-03-27T11:00:00+09:00',
        source: 'staff',
        label: 'reissueRequested',
        params: { reissueKind: 'password', emailCorrected: false },
        staffName: STAFF.name,
        body: null,
        outboxState: 'queued',
      },
    ].reverse() as ContractDetail['timeline'],
    asOf,
    ...overrides,
  }
}
