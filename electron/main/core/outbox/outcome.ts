import { InsurerError, type InsurerErrorKind, insurerErrorMessage } from '../insurer/errors'
import type { Reissue } from '../insurer/wire'
import { outboxRetryDelay, reopenDelay } from './policy'

/**
 * What one send of an outbox row came to, decided without I/O so every branch is unit
 * tested: the insurer's answer (or failure) in, the row's next state out.
 */
export type SendOutcome =
  | {
      state: 'accepted' | 'completed'
      remoteReissueId: string
      acceptedAt: number
      finishedAt: number | null
    }
  | {
      /** The insurer refused this request; resending it unchanged would be refused again. */
      state: 'failed'
      code: string
      message: string
      remoteReissueId: string | null
    }
  | {
      /** queued: the insurer surely did not act. outcome_unknown: it may have; same key next time. */
      state: 'queued' | 'outcome_unknown'
      nextAttemptAt: number
      code: string
      message: string
      /** Not about this row but the insurer: leave its other rows for the next run. */
      pauseInsurer: boolean
    }

export type SendResult = { ok: true; reissue: Reissue } | { ok: false; error: unknown }

/** Failures that say "the insurer will refuse this very request again". */
const ROW_FAILURES: ReadonlySet<InsurerErrorKind> = new Set(['rejected', 'not_found'])

/** The answer never came back or made no sense: the insurer may have acted on it. */
const MAY_HAVE_ACTED: ReadonlySet<InsurerErrorKind> = new Set([
  'outcome_unknown',
  'invalid_response',
])

const REJECTION_MESSAGES: Record<string, { ja: string; en: string }> = {
  reissue_not_allowed: {
    ja: '保険会社が再発行を受け付けませんでした（登録メールアドレスがない等）。修正後のメールアドレスを指定して再度依頼してください。',
    en: 'The insurer did not allow the reissue (for example, no email address on file). Request again with a corrected email address.',
  },
  email_invalid: {
    ja: '保険会社がメールアドレスを無効と判断しました。アドレスを確認して再度依頼してください。',
    en: 'The insurer found the email address invalid. Check it and request again.',
  },
  not_found: {
    ja: '保険会社に該当する契約がありません。証券番号（更新前のもの）を確認してください。',
    en: 'The insurer has no such contract. Check the (pre-renewal) policy number.',
  },
  already_renewed: {
    ja: 'この契約は既に更新済みのため、保険会社が再発行を行いませんでした。',
    en: 'The contract is already renewed, so the insurer did not reissue.',
  },
  bounced_invalid_address: {
    ja: '再発行メールが届きませんでした（宛先アドレスが存在しません）。正しいメールアドレスを確認し、修正して再度依頼してください。',
    en: 'The reissue mail bounced (no such address). Confirm the correct address, then request again with it.',
  },
  bounced_mailbox_full: {
    ja: '再発行メールが届きませんでした（受信箱が満杯です）。お客様に受信箱の整理をお願いしてから再度依頼してください。',
    en: 'The reissue mail bounced (mailbox full). Ask the client to free space, then request again.',
  },
  bounced_carrier_filter: {
    ja: '再発行メールが携帯会社の迷惑メールフィルタで拒否されました。お客様にドメイン指定受信の設定をお願いしてから再度依頼してください。',
    en: 'The mobile carrier’s filter refused the reissue mail. Ask the client to allow the insurer’s domain, then request again.',
  },
  not_applicable: {
    ja: 'この契約の手続き方法では、この再発行は行えません。',
    en: 'This reissue does not apply to how this contract renews online.',
  },
}

/** In words, for staff; the insurer's own detail is left out because it may quote the client. */
export function rejectionMessage(code: string): string {
  const known = REJECTION_MESSAGES[code]
  if (known) return `${known.ja} / ${known.en}`
  return `${insurerErrorMessage('rejected', 'ja')}（${code}） / ${insurerErrorMessage('rejected', 'en')} (${code})`
}

function retryMessage(kind: InsurerErrorKind | 'internal_error'): string {
  if (kind === 'internal_error')
    return '送信中に想定外のエラーが発生しました。同じ依頼キーで自動的に再送します。 / An unexpected error occurred while sending; it will be re-sent automatically with the same request key.'
  return `${insurerErrorMessage(kind, 'ja')} / ${insurerErrorMessage(kind, 'en')}`
}

/**
 * `previous` is the row's state before this send. Once a send may have reached the insurer
 * (outcome_unknown), only the insurer's answer settles it: a later attempt that merely failed
 * to get through keeps the row outcome_unknown — never 'queued', which staff could cancel
 * although the insurer may already be mailing the client.
 */
export function decideOutcome(
  result: SendResult,
  attempts: number,
  now: number,
  random: () => number,
  previous: 'queued' | 'outcome_unknown' = 'queued',
): SendOutcome {
  const outcome = outcomeOfThisSend(result, attempts, now, random)
  if (previous === 'outcome_unknown' && outcome.state === 'queued')
    return { ...outcome, state: 'outcome_unknown' }
  return outcome
}

function outcomeOfThisSend(
  result: SendResult,
  attempts: number,
  now: number,
  random: () => number,
): SendOutcome {
  if (result.ok) {
    const { reissue } = result
    const acceptedAt = Date.parse(reissue.acceptedAt)
    const finishedAt = reissue.completedAt === null ? null : Date.parse(reissue.completedAt)
    // A resend after outcome_unknown may find the reissue already finished at the insurer.
    if (reissue.status === 'failed') {
      const code = reissue.failureCode ?? 'failed'
      return { state: 'failed', code, message: rejectionMessage(code), remoteReissueId: reissue.id }
    }
    return {
      state: reissue.status,
      remoteReissueId: reissue.id,
      acceptedAt,
      finishedAt: reissue.status === 'completed' ? (finishedAt ?? now) : null,
    }
  }

  const { error } = result
  if (!(error instanceof InsurerError)) {
    // A bug or a crash in the client: the request may have left, so treat it as unknown.
    return {
      state: 'outcome_unknown',
      nextAttemptAt: now + outboxRetryDelay(attempts, random),
      code: 'internal_error',
      message: retryMessage('internal_error'),
      pauseInsurer: true,
    }
  }
  if (ROW_FAILURES.has(error.kind)) {
    const code = error.problem?.code ?? error.kind
    return { state: 'failed', code, message: rejectionMessage(code), remoteReissueId: null }
  }
  if (error.kind === 'site_closed') {
    return {
      state: 'queued',
      nextAttemptAt: now + reopenDelay(attempts, random, now, error.reopensAt),
      code: 'site_closed',
      message: retryMessage('site_closed'),
      pauseInsurer: true,
    }
  }
  // offline, busy, server_error, unauthorized, cursor_expired (not expected here): the
  // insurer answered with an error or was never reached, so it did not accept (it keeps a key
  // only for a success), and its other rows would fare no better right now.
  return {
    state: MAY_HAVE_ACTED.has(error.kind) ? 'outcome_unknown' : 'queued',
    nextAttemptAt: now + outboxRetryDelay(attempts, random, error.retryAfterMs),
    code: error.kind,
    message: retryMessage(error.kind),
    pauseInsurer: true,
  }
}
