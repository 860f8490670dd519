import { formatJst } from './japan-time'
import { jstTimeOf } from './jst-calendar'
import {
  bounceReasonLabel,
  formatElapsed,
  mismatchFieldLabel,
  plural,
  screenLabel,
  stageLabel,
  type Lang,
} from './renewal-labels'
import type { BouncedMail, Elapsed, StuckReason } from './stuck-reasons'

/**
 * The words for each stuck reason: a short label for lists (reasonText) and what staff
 * should do or tell the client (nextAction). Every reason code has both, in both languages;
 * the switch statements are exhaustive, so a new code fails to compile until it is worded.
 */

const t = (lang: Lang, ja: string, en: string): string => (lang === 'ja' ? ja : en)

/** "（IDメール送信から3日）" — left out when the insurer gave no time. */
function after(e: Elapsed, lang: Lang, ja: string, en: string): string {
  if (e.elapsedMs === null) return ''
  const span = formatElapsed(e.elapsedMs, lang)
  return t(lang, `（${ja}${span}）`, ` (${span} ${en})`)
}

function mailName(mail: BouncedMail, lang: Lang): string {
  if (mail === 'id') return t(lang, 'IDメール', 'ID mail')
  if (mail === 'password') return t(lang, 'パスワード発行メール', 'Password mail')
  return t(lang, 'IDメール・パスワードメール', 'ID and password mails')
}

function where(reason: Extract<StuckReason, { code: 'abandoned' }>, lang: Lang): string {
  if (reason.screen !== null) return screenLabel(reason.screen, lang)
  return reason.step === 'none' ? '' : stageLabel(reason.step, lang)
}

export function reasonText(reason: StuckReason, lang: Lang): string {
  switch (reason.code) {
    case 'maturity_passed': {
      const n = reason.daysSinceMaturity
      return t(
        lang,
        `満期日から${n}日経過・未更新 — 無保険のおそれ`,
        `Not renewed, ${plural(n, 'day')} past maturity — the car may be uninsured`,
      )
    }
    case 'cutoff_passed': {
      const n = reason.daysToMaturity
      const ja = n === 0 ? '本日満期' : `満期まで残り${n}日`
      const en = n === 0 ? 'matures today' : `matures in ${plural(n, 'day')}`
      return t(
        lang,
        `Web期限切れ — 代理店で手続きを（${ja}）`,
        `Web deadline passed — renew through the agency (${en})`,
      )
    }
    case 'cutoff_near': {
      const n = reason.daysLeft
      const time = jstTimeOf(reason.cutoffAt)
      if (n === 0) return t(lang, `Web手続き期限は本日${time}まで`, `Web deadline today at ${time}`)
      return t(
        lang,
        `Web手続き期限まで残り${n}日`,
        `${plural(n, 'day')} left for the web procedure`,
      )
    }
    case 'mail_bounced': {
      const why = bounceReasonLabel(reason.bounceReason, lang)
      return t(
        lang,
        `${mailName(reason.mail, lang)}不達（${why}）`,
        `${mailName(reason.mail, lang)} bounced (${why})`,
      )
    }
    case 'no_mail_arrived':
      return (
        t(lang, 'IDメール・パスワードメールとも未着', 'Neither mail received') +
        after(reason, lang, '送信から', 'since sent')
      )
    case 'id_mail_missing':
      return (
        t(lang, 'IDメール（お手続きのお知らせメール）未着', 'ID mail not received') +
        after(reason, lang, '送信から', 'since sent')
      )
    case 'password_mail_missing':
      return (
        t(lang, 'パスワード発行メール未着', 'Password mail not received') +
        after(reason, lang, 'IDメール送信から', 'since the ID mail')
      )
    case 'password_suppressed_earlier_year': {
      const year = reason.credentialsIssuedYear
      return year === null
        ? t(
            lang,
            'パスワードメールなし — 以前のパスワードを使用',
            'No password mail — the earlier password applies',
          )
        : t(
            lang,
            `パスワードメールなし — ${year}年発行のパスワードを使用`,
            `No password mail — the password issued in ${year} applies`,
          )
    }
    case 'password_expired':
      return t(lang, 'パスワードの有効期限切れ', 'Password expired')
    case 'never_logged_in':
      return (
        t(lang, '未ログイン', 'Never logged in') +
        after(reason, lang, 'パスワードメール到着から', 'since the password mail')
      )
    case 'provisional_expired':
      return t(lang, '仮登録の期限切れ', 'Provisional registration expired')
    case 'registration_mismatch': {
      if (reason.field === null)
        return t(lang, '本人情報の不一致', 'Personal details do not match the contract')
      const field = mismatchFieldLabel(reason.field, lang)
      return t(
        lang,
        `本人情報の不一致（${field}）`,
        `Personal details do not match the contract (${field})`,
      )
    }
    case 'wrong_policy_number':
      return t(
        lang,
        '証券番号の誤り（更新後の番号で登録）',
        'Wrong policy number (the renewed one was entered)',
      )
    case 'abandoned': {
      const at = where(reason, lang)
      const span = reason.elapsedMs === null ? '' : formatElapsed(reason.elapsedMs, lang)
      return t(
        lang,
        `手続き中断（${[at, span].filter(Boolean).join('・')}）`,
        `Stalled${at ? ` at ${at}` : ''}${span ? ` for ${span}` : ''}`,
      )
    }
  }
}

function resend(mail: BouncedMail, lang: Lang): string {
  if (mail === 'id') return t(lang, 'IDメールを再送', 'resend the ID mail')
  if (mail === 'password') return t(lang, 'パスワードを再発行', 'reissue the password')
  return t(
    lang,
    'IDメールの再送とパスワードの再発行を依頼',
    'resend the ID mail and reissue the password',
  )
}

function bounceAction(reason: Extract<StuckReason, { code: 'mail_bounced' }>, lang: Lang): string {
  const then = resend(reason.mail, lang)
  switch (reason.bounceReason) {
    case 'carrier_filter':
      return t(
        lang,
        `お客さまに保険会社のメールドメインからの受信を許可（ドメイン指定受信）していただき、${then}`,
        `Ask the client to allow mail from the insurer's domain in their carrier's filter settings, then ${then}.`,
      )
    case 'mailbox_full':
      return t(
        lang,
        `受信箱の空きを作っていただき、${then}`,
        `Ask the client to free space in the mailbox, then ${then}.`,
      )
    case 'invalid_address':
      return t(
        lang,
        `正しいメールアドレスを確認して修正し、${then}`,
        `Confirm the correct email address, correct it, then ${then}.`,
      )
    case 'unknown':
      return t(
        lang,
        `メールアドレスと受信設定を確認し、${then}`,
        `Check the email address and mail settings with the client, then ${then}.`,
      )
  }
}

export function nextAction(reason: StuckReason, lang: Lang): string {
  switch (reason.code) {
    case 'maturity_passed':
      return t(
        lang,
        '至急お客さまに連絡し、更新の意思と無保険期間の有無を確認',
        'Call the client now: confirm they want to renew and whether the car is uninsured.',
      )
    case 'cutoff_passed':
      return t(
        lang,
        'Webでは更新できません。満期日までに代理店で更新手続きを',
        'The client can no longer renew online: renew through the agency before maturity.',
      )
    case 'cutoff_near': {
      const deadline = formatJst(reason.cutoffAt, 'M/d HH:mm')
      return t(
        lang,
        `期限（${deadline}）までにWebで完了するよう連絡。難しければ代理店での手続きを案内`,
        `Ask the client to finish online by ${deadline} (Japan time); offer an agency renewal if they cannot.`,
      )
    }
    case 'mail_bounced':
      return bounceAction(reason, lang)
    case 'no_mail_arrived':
      return t(
        lang,
        '迷惑メールフォルダと受信設定を確認いただく。登録アドレスが誤っていれば修正してIDメールを再送',
        'Ask the client to check the spam folder and mail filters; if the address on file is wrong, correct it and resend the ID mail.',
      )
    case 'id_mail_missing':
      return t(
        lang,
        '迷惑メールフォルダを確認いただき、なければIDメールを再送',
        'Ask the client to check the spam folder; if it is not there, resend the ID mail.',
      )
    case 'password_mail_missing':
      return t(
        lang,
        '迷惑メールフォルダを確認いただき、なければパスワードを再発行',
        'Ask the client to check the spam folder; if it is not there, reissue the password.',
      )
    case 'password_suppressed_earlier_year':
      return t(
        lang,
        '前回設定したパスワードでログインするよう案内。不明ならパスワードを再発行',
        'Tell the client to log in with the password set last time; if they do not know it, reissue the password.',
      )
    case 'password_expired':
      return t(
        lang,
        'ログイン画面の案内でパスワードを再設定していただく。できなければパスワードを再発行',
        'Guide the client through the password reset on the login screen; if that fails, reissue the password.',
      )
    case 'never_logged_in':
      return t(
        lang,
        'IDメールのURLからログインし仮パスワードを変更するよう案内。Web期限も伝える',
        'Ask the client to log in from the ID mail link and change the temporary password; tell them the web deadline.',
      )
    case 'provisional_expired':
      return t(
        lang,
        'マイページ仮登録メールを再送し、届いたメールのURLから期限内に本登録するよう案内',
        'Resend the MyPage provisional-registration mail; the client must open its link and finish registering before it expires.',
      )
    case 'registration_mismatch': {
      const field =
        reason.field === null
          ? t(lang, '氏名・住所・生年月日・電話番号', 'name, address, birth date and phone number')
          : mismatchFieldLabel(reason.field, lang)
      return t(
        lang,
        `ご契約の${field}と入力内容を照合。契約情報が古ければ変更手続きを、入力誤りなら正しい内容での再登録を案内`,
        `Compare the ${field} on the contract with what the client entered: update the contract if it is out of date, otherwise ask them to register again with the contract's details.`,
      )
    }
    case 'wrong_policy_number':
      return t(
        lang,
        '「更新後」ではなく現在の証券番号（お手元の証券に記載）で登録し直すよう案内',
        'Ask the client to register again with the current policy number on their certificate, not the renewed one.',
      )
    case 'abandoned': {
      const at = where(reason, lang)
      return at
        ? t(
            lang,
            `「${at}」から続けるよう連絡し、Web期限を伝える`,
            `Ask the client to continue from "${at}"; tell them the web deadline.`,
          )
        : t(
            lang,
            '手続きを続けるよう連絡し、Web期限を伝える',
            'Ask the client to continue the procedure; tell them the web deadline.',
          )
    }
  }
}
