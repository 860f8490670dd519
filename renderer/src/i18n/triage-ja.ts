/**
 * Strings of the credential-triage screen, the command palette and the shortcuts help,
 * spread into ja.ts as the top-level sections `triage`, `palette` and `shortcuts`.
 */
export const triagePaletteJa = {
  triage: {
    title: 'メール未着・登録エラー',
    intro:
      'ID・パスワードのメールが届かない、マイページに登録できないお客様です。Web手続き期限の近い順で、期限を過ぎたお客様（代理店での手続きが必要）は最後に並びます。',
    asOf: '{{time}} 時点',
    scope: {
      label: '表示範囲',
      mine: '自分の担当',
      branch: '支店',
      all: 'すべて',
    },
    categoriesLabel: 'トラブルの種類',
    count: '{{count, number}}件',
    categories: {
      password_mail_missing: 'パスワードメール未着',
      no_mail: 'メール未着（両方・IDメール）',
      bounced: 'メール不達',
      password_suppressed: 'パスワードメールなし（前年度発行）',
      provisional_expired: '仮登録の期限切れ',
      registration_mismatch: '本人情報の不一致',
      wrong_policy_number: '証券番号の誤り',
    },
    descriptions: {
      password_mail_missing:
        'IDメール（お手続きのお知らせメール）は送信済みですが、パスワード発行メールが{{hours}}時間以上届いていません。',
      no_mail:
        'IDメールもパスワード発行メールも、送信から{{hours}}時間以上届いていません（IDメールだけが届いていない場合を含みます）。',
      bounced:
        'メールが宛先に届かず戻ってきました。理由に合わせて、お客様にお伝えすることが異なります。',
      password_suppressed:
        '以前の年度にID・パスワードを発行済みのため、パスワード発行メールは送られません。お客様が届くのを待っている可能性があります。',
      provisional_expired:
        'マイページの仮登録から24時間以内に本登録されず、仮登録が無効になりました。',
      registration_mismatch:
        'マイページ登録時の入力内容（氏名・住所・生年月日・電話番号）がご契約内容と一致しませんでした。',
      wrong_policy_number:
        'マイページ登録に更新後の証券番号が使われました。現在（更新前）の証券番号で登録する必要があります。',
    },
    listLabel: '{{category}}のお客様',
    keyboardHint: '↑↓キーでお客様を移動し、Enterキーで契約詳細を開きます。',
    since: '{{time}}から',
    elapsed: '{{span}}経過',
    sinceUnknown: '発生日時不明',
    tellClient: '対応・お客様への案内',
    cutoff: 'Web期限 {{time}}',
    staff: '担当 {{name}}',
    unassigned: '担当者未割当',
    policyNumber: '証券番号 {{policyNumber}}',
    openDetail: '{{name}} 様の契約詳細を開く',
    flow: {
      A: 'IDメール方式',
      B: 'マイページ方式',
    },
    shown: '期限の近い{{shown, number}}件を表示しています（全{{total, number}}件）。',
    empty: {
      title: 'このトラブルのお客様はいません',
      description: '{{scope}}の範囲で「{{category}}」に該当するお客様はいません。問題ありません。',
    },
    error: {
      title: 'メール未着・登録エラーの一覧を読み込めませんでした',
      retry: '再試行',
    },
  },
  palette: {
    openLabel: 'コマンドパレットを開く（{{shortcut}}）',
    placeholder: '画面名・お客様の名前・証券番号で検索…',
    searchLabel: 'コマンドとお客様の検索',
    nothingFound: '該当する画面・操作・お客様はありません',
    clientSearchHint: 'お客様の名前（漢字・カナ）、証券番号、電話番号で検索できます',
    searching: 'お客様を検索中…',
    searchFailed: 'お客様を検索できませんでした。もう一度入力してください。',
    activeResult: '{{total}}件中{{index}}件目: {{label}}',
    groups: {
      screens: '画面',
      actions: '操作',
      clients: 'お客様',
    },
    goTo: '{{screen}}を開く',
    syncNow: '今すぐ同期',
    syncNowDescription: '保険会社から最新のデータを取得します',
    switchLanguage: 'English に切り替え',
    switchLanguageDescription: '表示言語を英語にします',
    toggleColorScheme: 'ライト／ダーク表示を切り替え',
    showShortcuts: 'キーボードショートカット一覧',
    footer: '↑↓で選択、Enterで実行、Escで閉じる',
    client: '{{name}} 様',
    clientDescription: '{{policyNumber}}・{{vehicle}}・満期 {{maturity}}',
  },
  shortcuts: {
    title: 'キーボードショートカット',
    close: 'ショートカット一覧を閉じる',
    intro: '文字の入力中は Ctrl+K（⌘K）以外のショートカットは働きません。',
    keysColumn: 'キー',
    actionColumn: '操作',
    then: '→',
    groups: {
      global: 'どの画面でも',
      navigation: '画面の移動',
      lists: '一覧・ダイアログの中',
    },
    actions: {
      palette: 'コマンドパレットを開く・閉じる',
      help: 'このショートカット一覧を開く',
      goTo: '「{{screen}}」へ移動',
      focusSearch: '一覧の検索欄へ移動',
      escape: 'ダイアログやパレットを閉じる',
      arrows: '一覧の行・候補を上下に移動',
      enter: '選んだ行・候補を開く',
    },
  },
}
