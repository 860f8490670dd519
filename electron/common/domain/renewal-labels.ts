import type { BounceReason, MismatchField, ProcedureScreen, RenewalStep } from './renewal'

/** The two UI languages: Japanese first, English for staff who prefer it. */
export type Lang = 'ja' | 'en'

type Words<K extends string> = Record<K, Record<Lang, string>>

/** Screen names as the insurer's site prints them (seed 000, STEP③), so staff can quote them. */
const SCREENS: Words<ProcedureScreen> = {
  select_contract: { ja: 'ご契約を選択', en: 'Select the contract' },
  confirmations: { ja: '確認事項', en: 'Confirmation items' },
  vehicle: { ja: 'お車に関する情報', en: 'Vehicle information' },
  parties: {
    ja: 'ご契約者・記名被保険者・車両所有者',
    en: 'Policyholder / named insured / vehicle owner',
  },
  quote_plan: { ja: 'お見積り結果・プラン申込み', en: 'Quote and plan' },
  intent_apply: { ja: '意向のご確認・お申込み', en: 'Intent confirmation and application' },
  formed: { ja: 'ご契約の成立', en: 'Contract formed' },
}

const STAGES: Words<Exclude<RenewalStep, 'none'>> = {
  a1_credentials: { ja: 'STEP① ID・パスワード発行', en: 'STEP 1: Login ID and password' },
  a2_login: { ja: 'STEP② ログイン', en: 'STEP 2: Log in' },
  a3_procedure: { ja: 'STEP③ 更新お手続き', en: 'STEP 3: Renewal procedure' },
  a4_completed: { ja: 'STEP④ お手続き完了メール', en: 'STEP 4: Completion mail' },
  a5_mypage: { ja: 'STEP⑤ マイページ登録（任意）', en: 'STEP 5: MyPage (optional)' },
  b1_signup: { ja: 'マイページ新規登録', en: 'MyPage sign-up' },
  b2_provisional: { ja: '仮登録', en: 'Provisional registration' },
  b3_registered: { ja: '本登録完了', en: 'Registration complete' },
  b4_procedure: { ja: '更新のお手続き（Clickar）', en: 'Renewal procedure (Clickar)' },
  b5_completed: { ja: 'お手続き完了', en: 'Renewal complete' },
}

const MISMATCH_FIELDS: Words<MismatchField> = {
  name: { ja: '氏名', en: 'name' },
  address: { ja: '住所', en: 'address' },
  birth_date: { ja: '生年月日', en: 'birth date' },
  phone: { ja: '電話番号', en: 'phone number' },
}

const BOUNCE_REASONS: Words<BounceReason> = {
  invalid_address: { ja: 'アドレス誤り', en: 'invalid address' },
  mailbox_full: { ja: '受信箱の容量超過', en: 'mailbox full' },
  carrier_filter: { ja: '携帯キャリアの受信拒否', en: 'blocked by the carrier filter' },
  unknown: { ja: '理由不明', en: 'reason unknown' },
}

export function screenLabel(screen: ProcedureScreen, lang: Lang): string {
  return SCREENS[screen][lang]
}

export function stageLabel(stage: Exclude<RenewalStep, 'none'>, lang: Lang): string {
  return STAGES[stage][lang]
}

export function mismatchFieldLabel(field: MismatchField, lang: Lang): string {
  return MISMATCH_FIELDS[field][lang]
}

export function bounceReasonLabel(reason: BounceReason, lang: Lang): string {
  return BOUNCE_REASONS[reason][lang]
}

const HOUR_MS = 60 * 60 * 1000

/**
 * How long something has been stuck, as staff say it on the phone: hours within the first
 * day, whole days after that ("3日", not "74時間").
 */
export function formatElapsed(ms: number, lang: Lang): string {
  const hours = Math.floor(ms / HOUR_MS)
  if (hours < 1) return lang === 'ja' ? '1時間未満' : 'under an hour'
  if (hours < 24) return lang === 'ja' ? `${hours}時間` : plural(hours, 'hour')
  const days = Math.floor(hours / 24)
  return lang === 'ja' ? `${days}日` : plural(days, 'day')
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}
