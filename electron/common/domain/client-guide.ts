import { type ContractWebState } from './contract-web-state'
import { formatJst } from './japan-time'
import { mismatchFieldLabel, screenLabel, type Lang } from './renewal-labels'
import { trackSteps, type StageView } from './step-tracker'

/**
 * "What the client sees now", one or two sentences staff can read out on the phone. Screen
 * and mail names are the insurer's own words (seeds 000 and 003), so the client recognises
 * them.
 */

const t = (lang: Lang, ja: string, en: string): string => (lang === 'ja' ? ja : en)

export function clientGuide(state: ContractWebState, now: Date, lang: Lang): string {
  const settled = settledGuide(state, lang)
  if (settled !== null) return settled
  if (now.getTime() >= state.webCutoffAt) {
    const cutoff = formatJst(state.webCutoffAt, 'M/d HH:mm')
    return t(
      lang,
      `Web手続きの期限（${cutoff}）を過ぎたため、お客さまの画面からは更新できません。代理店で手続きします。`,
      `The web deadline (${cutoff} Japan time) has passed: the client cannot renew online any more; the agency renews instead.`,
    )
  }
  const { current } = trackSteps(state, now)
  // Every stage done yet still open: the insurer has not confirmed the renewal yet.
  if (current === null)
    return t(
      lang,
      'Webのお手続きは済んでいます（保険会社の確定待ち）。',
      'The online steps are done; the insurer has not confirmed the renewal yet.',
    )
  return state.flow === 'A' ? flowAGuide(state, current, lang) : flowBGuide(state, current, lang)
}

function settledGuide(state: ContractWebState, lang: Lang): string | null {
  switch (state.renewalStatus) {
    case 'renewed':
      return state.renewalChannel === 'agency'
        ? t(
            lang,
            '代理店で更新済みです（Web手続きは不要）。',
            'Renewed through the agency; nothing to do online.',
          )
        : t(lang, '更新のお手続きは完了しています。', 'The renewal is complete.')
    case 'lapsed':
      return t(
        lang,
        '満期を過ぎ、更新されないまま失効しています。',
        'The contract lapsed at maturity without renewal.',
      )
    case 'cancelled':
      return t(lang, '解約済みのご契約です。', 'The contract was cancelled.')
    default:
      return null
  }
}

function screenGuide(state: ContractWebState, lang: Lang, clickar: boolean): string {
  const { screen } = state.progress
  if (screen === null) {
    return clickar
      ? t(
          lang,
          'マイページのトップで車名と保険始期日を確認し、「更新のお手続き」を押す画面です。',
          'MyPage top: the client checks the car name and inception date, then presses 「更新のお手続き」 (renew).',
        )
      : t(
          lang,
          'ログイン後、「お手続きへ」からご契約を選択する画面です。',
          'Logged in: the client presses 「お手続きへ」 and selects the contract.',
        )
  }
  const name = screenLabel(screen, lang)
  const base = t(lang, `「${name}」の画面です。`, `The client is on the "${name}" screen.`)
  if (screen === 'select_contract') {
    return (
      base +
      t(
        lang,
        '複数台お持ちの場合、満期の時期によってご契約が一覧に出ないことがあります。',
        ' With several cars, a contract may be missing from the list depending on its maturity.',
      )
    )
  }
  if (screen === 'intent_apply') {
    return (
      base +
      t(
        lang,
        '「パンフレット兼重要事項説明書」に同意して申し込みます。',
        ' The client agrees to the pamphlet / important-matters document and applies.',
      )
    )
  }
  return base
}

function flowAGuide(state: ContractWebState, current: StageView, lang: Lang): string {
  const { idMail, passwordMail } = state.mail
  const suppressed = passwordMail.status === 'suppressed_existing'
  switch (current.stage) {
    case 'a1_credentials':
      if (current.state === 'failed')
        return t(
          lang,
          'メールが届かない状態です（不達）。受信設定とアドレスを確認し、再送が必要です。',
          'The mails bounced: check the address and mail settings, then resend.',
        )
      if (idMail.status === 'not_sent')
        return t(
          lang,
          'まだお手続き前です。ご案内URLから「個人情報の取扱いについて」に同意し、本人確認とメールアドレス確認へ進みます。',
          'Not started: from the guidance URL the client agrees to the personal-information terms, then the identity check and email confirmation.',
        )
      return suppressed
        ? t(
            lang,
            '「お手続きのお知らせメール」（ID）を待っています。以前に発行済みのため「パスワード発行メール」は届きません。',
            'Waiting for the ID mail (「お手続きのお知らせメール」). Credentials exist from an earlier year, so no password mail will come.',
          )
        : t(
            lang,
            '「お手続きのお知らせメール」（ID）と「パスワード発行メール」を待っています。2通は時間差で届くことがあります。',
            'Waiting for the ID mail and the password mail (「パスワード発行メール」); they can arrive some time apart.',
          )
    case 'a2_login':
      if (current.state === 'failed')
        return t(
          lang,
          'ログイン画面でパスワードの有効期限切れと表示されます。画面の案内で再設定します。',
          'The login screen says the password has expired; the client resets it there.',
        )
      return suppressed
        ? t(
            lang,
            'IDメールの「ご案内URL」からログインする画面です。パスワードは前回設定したものです。',
            'Log in from the ID mail link, with the password set last time.',
          )
        : t(
            lang,
            'IDメールの「ご案内URL」からログインし、仮パスワードを変更する画面です。',
            'Log in from the ID mail link, then change the temporary password.',
          )
    case 'a3_procedure':
      return screenGuide(state, lang, false)
    case 'a4_completed':
      return t(
        lang,
        'ご契約が成立し、「お手続き完了メール」が届きます。',
        'The contract is formed; the completion mail is on its way.',
      )
    default:
      return t(
        lang,
        '更新は完了しています。マイページ登録・専用アプリ（任意）をおすすめします。',
        'Renewed. MyPage registration and the app are recommended (optional).',
      )
  }
}

function flowBGuide(state: ContractWebState, current: StageView, lang: Lang): string {
  const { mypage } = state.mail
  switch (current.stage) {
    case 'b1_signup':
      if (mypage.status === 'wrong_policy_number')
        return t(
          lang,
          '「更新後」の証券番号を入力したため登録できません。現在の証券番号で入力し直します。',
          'Registration refused: the renewed policy number was entered; the current one is needed.',
        )
      if (mypage.status === 'mismatch') {
        const field =
          mypage.mismatchField === null
            ? t(lang, '入力した情報', 'the details entered')
            : mismatchFieldLabel(mypage.mismatchField, lang)
        return t(
          lang,
          `お客さま情報の${field}がご契約と一致せず、登録できません。`,
          `Registration refused: ${field} does not match the contract.`,
        )
      }
      return t(
        lang,
        'マイページの「新規登録」→会員規定に同意→お客さま情報（現在の証券番号・氏名・住所・生年月日・電話番号）を入力します。',
        'MyPage 「新規登録」 (sign up) → agree to the membership terms → enter the current policy number, name, address, birth date and phone.',
      )
    case 'b2_provisional': {
      if (current.state === 'failed')
        return t(
          lang,
          '仮登録の期限が切れています。仮登録メールの再送か、新規登録のやり直しが必要です。',
          'The provisional registration expired: resend its mail or sign up again.',
        )
      const expires = mypage.provisionalExpiresAt
      const by = expires === null ? '' : formatJst(expires, 'M/d HH:mm')
      return t(
        lang,
        `仮登録済みです。届いたメールのURLから${by ? `${by}までに` : '期限内に'}本登録します（パスワードは大文字・小文字を区別）。`,
        `Provisionally registered: open the mail's link${by ? ` by ${by} Japan time` : ' in time'} and complete the registration (the password is case-sensitive).`,
      )
    }
    case 'b5_completed':
      return t(lang, '更新のお手続きが完了しています。', 'The renewal is complete.')
    default:
      return screenGuide(state, lang, true)
  }
}
