import { formatJst } from '../../../common/domain/japan-time'
import type { Flow, OutboxState, ReissueKind } from '../../../common/domain/renewal'

/**
 * Why a reissue request was refused before it was queued, or why it cannot be cancelled.
 * Messages reach the UI as they are (Japanese / English), so they carry ids, codes and
 * times only — never a name or an email address.
 */
export const OUTBOX_ERROR_CODES = [
  'contract_not_found',
  'not_applicable',
  'duplicate_request',
  'invalid_reason',
  'invalid_email',
  'not_cancellable',
] as const
export type OutboxErrorCode = (typeof OUTBOX_ERROR_CODES)[number]

export class OutboxError extends Error {
  override readonly name = 'OutboxError'

  constructor(
    readonly code: OutboxErrorCode,
    readonly ja: string,
    readonly en: string,
    /** For duplicate_request: when the earlier request was made (epoch ms). */
    readonly earlierRequestedAt?: number,
  ) {
    super(`${ja} / ${en}`)
  }

  /** The message in the staff's language. */
  messageIn(language: 'ja' | 'en'): string {
    return language === 'ja' ? this.ja : this.en
  }
}

const KIND_JA: Record<ReissueKind, string> = {
  id_mail: 'IDメール再送',
  password: 'パスワード再発行',
  mypage_registration_mail: 'マイページ仮登録メール再送',
}
const KIND_EN: Record<ReissueKind, string> = {
  id_mail: 'ID mail resend',
  password: 'password reissue',
  mypage_registration_mail: 'MyPage registration mail resend',
}

export function contractNotFound(contractId: number): OutboxError {
  return new OutboxError(
    'contract_not_found',
    `契約（ID ${contractId}）が見つかりません。一覧を更新してから操作してください。`,
    `Contract ${contractId} was not found. Refresh the list and try again.`,
  )
}

export function contractNotLive(status: string): OutboxError {
  return new OutboxError(
    'not_applicable',
    `この契約は更新済みまたは失効・解約済み（${status}）のため、再発行は依頼できません。`,
    `This contract is already ${status}, so no reissue can be requested for it.`,
  )
}

export function kindNotForFlow(kind: ReissueKind, flow: Flow): OutboxError {
  const ja =
    flow === 'A'
      ? `${KIND_JA[kind]}はマイページ登録型（フローB）の契約でのみ依頼できます。この契約はID・パスワードメール型（フローA）です。`
      : `${KIND_JA[kind]}はID・パスワードメール型（フローA）の契約でのみ依頼できます。この契約はマイページ登録型（フローB）です。`
  const en =
    flow === 'A'
      ? `A ${KIND_EN[kind]} applies only to MyPage-registration (flow B) contracts; this one uses ID and password mails (flow A).`
      : `A ${KIND_EN[kind]} applies only to ID and password mail (flow A) contracts; this one uses MyPage registration (flow B).`
  return new OutboxError('not_applicable', ja, en)
}

export function duplicateRequest(
  kind: ReissueKind,
  earlier: { requestedAt: number; state: OutboxState },
): OutboxError {
  const at = formatJst(earlier.requestedAt)
  return new OutboxError(
    'duplicate_request',
    `同じ契約の${KIND_JA[kind]}は ${at} に依頼済みです（状態: ${earlier.state}）。二重にメールが届かないよう、前の依頼の結果を待ってください。`,
    `A ${KIND_EN[kind]} for this contract was already requested at ${at} JST (state: ${earlier.state}). Wait for its outcome so the client does not get the mail twice.`,
    earlier.requestedAt,
  )
}

export function invalidReason(maxLength: number): OutboxError {
  return new OutboxError(
    'invalid_reason',
    `依頼理由を入力してください（1〜${maxLength}文字）。`,
    `Enter a reason for the request (1 to ${maxLength} characters).`,
  )
}

export function invalidEmail(): OutboxError {
  return new OutboxError(
    'invalid_email',
    '修正後のメールアドレスの形式が正しくありません。入力内容を確認してください。',
    'The corrected email address is not valid. Check what was entered.',
  )
}

export function notCancellable(state: OutboxState): OutboxError {
  const sent = state === 'sending' || state === 'accepted' || state === 'outcome_unknown'
  return sent
    ? new OutboxError(
        'not_cancellable',
        `この依頼は既に保険会社へ送信済み（状態: ${state}）のため取り消せません。結果をお待ちください。`,
        `This request has already gone to the insurer (state: ${state}), so it cannot be cancelled. Wait for its outcome.`,
      )
    : new OutboxError(
        'not_cancellable',
        `この依頼は既に終了しています（状態: ${state}）。取り消す必要はありません。`,
        `This request is already finished (state: ${state}); there is nothing to cancel.`,
      )
}

export function requestNotFound(outboxId: number): OutboxError {
  return new OutboxError(
    'not_cancellable',
    `再発行依頼（ID ${outboxId}）が見つかりません。一覧を更新してください。`,
    `Reissue request ${outboxId} was not found. Refresh the list.`,
  )
}
