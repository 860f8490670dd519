import type { InsurerRuleSet } from '../electron/common/domain/insurer-rules'
import type { Flow } from '../electron/common/domain/renewal'
import { DAY, type MaturitySlot } from './calendar'

/**
 * Every situation of domain.md ("What can go wrong") plus the ordinary ones around them,
 * with the share of the book each gets. Weights are per mille and sum to 1000. Roughly:
 * most contracts are not due yet, web renewals dominate the open window, and each stuck
 * state is a few percent — enough to fill every dashboard bucket at 3,000 contracts.
 */
export const DEMO_SCENARIOS = [
  // Both flows.
  { name: 'not_yet_open', weight: 400, flow: null, label: '受付開始前' },
  { name: 'window_open_not_started', weight: 105, flow: null, label: '未着手（受付中）' },
  // Flow A: ID mail + password mail.
  { name: 'a_password_mail_pending', weight: 20, flow: 'A', label: 'パスワードメール未着' },
  { name: 'a_no_mail_arrived', weight: 15, flow: 'A', label: 'メール未着（両方）' },
  { name: 'a_id_mail_bounced', weight: 15, flow: 'A', label: 'IDメール不達' },
  { name: 'a_password_mail_bounced', weight: 10, flow: 'A', label: 'パスワードメール不達' },
  {
    name: 'a_password_suppressed',
    weight: 25,
    flow: 'A',
    label: '前年発行済み（パスワードメールなし）',
  },
  { name: 'a_never_logged_in', weight: 30, flow: 'A', label: '未ログイン（仮パスワード未変更）' },
  { name: 'a_password_expired', weight: 15, flow: 'A', label: 'パスワード有効期限切れ' },
  { name: 'a_abandoned', weight: 25, flow: 'A', label: '手続き中断' },
  { name: 'a_in_progress', weight: 25, flow: 'A', label: '手続き中' },
  { name: 'a_renewed_web', weight: 90, flow: 'A', label: 'WEB更新済み' },
  // Flow B: MyPage registration, then Clickar.
  { name: 'b_provisional_pending', weight: 10, flow: 'B', label: '仮登録（24時間以内）' },
  { name: 'b_provisional_expired', weight: 15, flow: 'B', label: '仮登録期限切れ' },
  { name: 'b_mismatch', weight: 15, flow: 'B', label: '登録不可（契約情報不一致）' },
  { name: 'b_wrong_policy_number', weight: 10, flow: 'B', label: '登録不可（更新後証券番号）' },
  { name: 'b_registered_not_renewed', weight: 20, flow: 'B', label: '登録済み・未更新' },
  { name: 'b_abandoned', weight: 15, flow: 'B', label: '手続き中断' },
  { name: 'b_in_progress', weight: 15, flow: 'B', label: '手続き中' },
  { name: 'b_renewed_web', weight: 60, flow: 'B', label: 'WEB更新済み' },
  // Both flows, around and after the web deadline.
  { name: 'web_closed_not_renewed', weight: 20, flow: null, label: 'WEB締切後・未更新' },
  { name: 'renewed_agency', weight: 30, flow: null, label: '代理店で更新' },
  { name: 'lapsed', weight: 10, flow: null, label: '満期経過（無保険）' },
  { name: 'cancelled', weight: 5, flow: null, label: '解約' },
] as const satisfies ReadonlyArray<{
  name: string
  weight: number
  flow: Flow | null
  label: string
}>

export type ScenarioName = (typeof DEMO_SCENARIOS)[number]['name']
export type DemoScenario = (typeof DEMO_SCENARIOS)[number]

export const SCENARIO_NAMES: readonly ScenarioName[] = DEMO_SCENARIOS.map((s) => s.name)

/** Share of the book per scenario, 0..1. */
export const SCENARIO_WEIGHTS = Object.fromEntries(
  DEMO_SCENARIOS.map((s) => [s.name, s.weight / 1000]),
) as Record<ScenarioName, number>

/**
 * Which maturity dates a scenario can sit on, so that states and dates never contradict
 * each other: nothing happens before the window opens, nothing is mid-procedure after the
 * cutoff, and "lapsed" means the maturity date has passed.
 */
const open = (slot: MaturitySlot, now: number) => slot.windowOpensAt <= now && slot.cutoffAt > now
/** Window open for at least `days`, so stuck states have history behind them. */
const openFor = (days: number) => (slot: MaturitySlot, now: number) =>
  slot.windowOpensAt <= now - days * DAY && slot.cutoffAt > now
const abandonable = (slot: MaturitySlot, now: number) =>
  slot.windowOpensAt <= now - 4 * DAY && slot.offset >= 0
const pastCutoff = (slot: MaturitySlot, now: number) => slot.cutoffAt <= now

export type SlotFits = (slot: MaturitySlot, now: number, rules: InsurerRuleSet) => boolean

export const SCENARIO_FITS: Record<ScenarioName, SlotFits> = {
  not_yet_open: (slot, now) => slot.windowOpensAt > now,
  window_open_not_started: open,
  a_password_mail_pending: openFor(3),
  a_no_mail_arrived: openFor(3),
  a_id_mail_bounced: openFor(3),
  a_password_mail_bounced: openFor(3),
  a_password_suppressed: openFor(3),
  a_never_logged_in: openFor(3),
  a_password_expired: openFor(3),
  a_abandoned: abandonable,
  a_in_progress: openFor(3),
  a_renewed_web: (slot, now) => slot.windowOpensAt <= now - DAY,
  b_provisional_pending: openFor(3),
  // The link must have had time to lapse: the TTL plus a day of margin.
  b_provisional_expired: (slot, now, rules) =>
    openFor(Math.max(3, Math.ceil(rules.mypageProvisionalTtlHours / 24) + 1))(slot, now),
  b_mismatch: openFor(3),
  b_wrong_policy_number: openFor(3),
  b_registered_not_renewed: openFor(3),
  b_abandoned: abandonable,
  b_in_progress: openFor(3),
  b_renewed_web: (slot, now) => slot.windowOpensAt <= now - DAY,
  web_closed_not_renewed: (slot, now) => pastCutoff(slot, now) && slot.offset >= 0,
  renewed_agency: pastCutoff,
  lapsed: (slot) => slot.offset < 0,
  cancelled: () => true,
}
