/**
 * Every failure of the insurer client is one of these kinds, so the sync engine and the UI
 * decide by kind (retry, wait, re-authenticate, show the insurer's reason), never by parsing
 * messages. Messages carry no personal data and no payload values: they may be logged and
 * shown as they are.
 */
export const INSURER_ERROR_KINDS = [
  'offline',
  'unauthorized',
  'rejected',
  'busy',
  'site_closed',
  'outcome_unknown',
  'cursor_expired',
  'not_found',
  'invalid_response',
  'server_error',
] as const
export type InsurerErrorKind = (typeof INSURER_ERROR_KINDS)[number]

/** The insurer's own reason (RFC 9457), kept for 'rejected'. `detail` is for staff, not logs. */
export interface InsurerProblem {
  status: number
  code?: string
  title: string
  detail?: string
}

export interface InsurerErrorOptions {
  /** Which client operation failed, e.g. 'listContracts'. */
  operation: string
  retryAfterMs?: number
  reopensAt?: Date
  problem?: InsurerProblem
  /** HTTP status when the insurer answered; absent for network failures. */
  status?: number
  /** invalid_response: where the payload broke the contract (keys and indexes only). */
  path?: ReadonlyArray<string | number>
  /** Set when the circuit breaker refused to call out: retrying inside the call is pointless. */
  circuitOpen?: boolean
  cause?: unknown
}

type Messages = Record<InsurerErrorKind, { ja: string; en: string }>

const MESSAGES: Messages = {
  offline: {
    ja: '保険会社に接続できません。ネットワークを確認してください。操作は保存され、接続が戻ると自動で送信されます。',
    en: 'Cannot reach the insurer. Check the network; queued actions are sent automatically when the connection is back.',
  },
  unauthorized: {
    ja: '保険会社の認証に失敗しました。設定画面でクライアントIDとシークレットを確認してください。',
    en: 'The insurer refused our credentials. Check the client ID and secret in Settings.',
  },
  rejected: {
    ja: '保険会社が要求を受け付けませんでした。表示された理由を確認し、内容を直してから再度お試しください。',
    en: 'The insurer rejected the request. Check the reason shown, correct the request and try again.',
  },
  busy: {
    ja: '保険会社のシステムが混み合っています。しばらく待ってから自動で再試行します。',
    en: 'The insurer is busy. The request will be retried automatically after a short wait.',
  },
  site_closed: {
    ja: '保険会社のサイトは現在受付時間外です。再開後に自動で送信されます。',
    en: 'The insurer’s site is closed for its nightly hours. Actions are sent automatically when it reopens.',
  },
  outcome_unknown: {
    ja: '送信結果を確認できませんでした（応答がありません）。二重送信にならないよう、同じ要求を自動で再確認します。',
    en: 'No answer arrived, so it is unknown whether the insurer received the request. It will be re-sent safely (same request key) automatically.',
  },
  cursor_expired: {
    ja: '保険会社の変更履歴の保存期間を過ぎました。契約データ全体を再取得します。',
    en: 'The insurer no longer keeps changes that old. A full resync of contracts is needed.',
  },
  not_found: {
    ja: '保険会社に該当するデータがありません。証券番号などを確認してください。',
    en: 'The insurer has no such record. Check the policy number or identifier.',
  },
  invalid_response: {
    ja: '保険会社から想定外の形式の応答がありました。時間をおいて再試行し、続く場合はサポートに連絡してください。',
    en: 'The insurer answered in an unexpected format. Try again later; if it persists, contact support.',
  },
  server_error: {
    ja: '保険会社のシステムでエラーが発生しました。しばらくしてから自動で再試行します。',
    en: 'The insurer’s system reported an error. The request will be retried automatically later.',
  },
}

/** What happened and what to do, for the UI, in the staff's language. */
export function insurerErrorMessage(kind: InsurerErrorKind, language: 'ja' | 'en'): string {
  return MESSAGES[kind][language]
}

export class InsurerError extends Error {
  override readonly name = 'InsurerError'
  readonly kind: InsurerErrorKind
  readonly operation: string
  readonly retryAfterMs?: number
  readonly reopensAt?: Date
  readonly problem?: InsurerProblem
  readonly status?: number
  readonly path?: ReadonlyArray<string | number>
  readonly circuitOpen?: boolean

  constructor(kind: InsurerErrorKind, options: InsurerErrorOptions) {
    // The insurer's problem detail is deliberately left out: it may quote the client's data.
    const where = options.path ? ` at ${formatPath(options.path)}` : ''
    super(
      `${MESSAGES[kind].ja} / ${MESSAGES[kind].en} [${options.operation}: ${kind}${where}]`,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.kind = kind
    this.operation = options.operation
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
    if (options.reopensAt !== undefined) this.reopensAt = options.reopensAt
    if (options.problem !== undefined) this.problem = options.problem
    if (options.status !== undefined) this.status = options.status
    if (options.path !== undefined) this.path = options.path
    if (options.circuitOpen) this.circuitOpen = true
  }
}

export function isInsurerError(value: unknown, kind?: InsurerErrorKind): value is InsurerError {
  return value instanceof InsurerError && (kind === undefined || value.kind === kind)
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? '(root)' : path.join('.')
}
