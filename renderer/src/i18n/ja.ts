import { detailJa } from './detail-ja'
import { triagePaletteJa } from './triage-ja'
import { todayJa } from './today-ja'
/**
 * Japanese is the product language; en.ts must have exactly these keys (see `Messages`).
 * Error texts say what happened and what the user can do next, because staff read them
 * while a client is on the phone.
 */
export const ja = {
  ...triagePaletteJa,
  ...todayJa,
  app: {
    name: '更新デスク',
  },
  nav: {
    label: '画面',
    today: '今日の対応',
    contracts: '契約一覧',
    triage: 'メール未着・登録エラー',
  },
  session: {
    title: '担当者を選んでください',
    intro:
      'このPCを使う担当者を選びます。「自分の担当」や支店の表示、再発行の依頼者はこの選択に従います。',
    who: '担当者',
    choose: '名前で検索または選択',
    signIn: 'この担当者で始める',
    switch: '担当者を切り替える',
    noStaff: '担当者のデータがありません。同期が終わるまでお待ちください。',
    role: { staff: '担当', manager: '支店長' },
  },
  header: {
    dataSource: {
      demo: 'デモデータ',
      insurer: '保険会社データ',
      empty: 'データなし',
    },
    demoDataHint: '表示中の契約は架空のデモデータです。実在のお客様ではありません。',
    demoInsurer: 'デモ保険会社',
    contractCount: '契約 {{count, number}}件',
    clockLabel: 'JST',
    clockTitle: '現在の日本時間',
    language: '表示言語',
    toLight: 'ライトモードに切り替え',
    toDark: 'ダークモードに切り替え',
    connection: {
      connected: '保険会社と接続中',
      connectedDemo: 'デモ保険会社に接続中',
      offline: '保険会社に接続できません',
      site_closed: '保険会社サイト休止中（{{time}} 再開）',
      busy: '保険会社が混雑中',
      unauthorized: '保険会社の認証に失敗',
      not_configured: '保険会社未設定',
      error: '保険会社との通信エラー',
      checking: '保険会社に確認中…',
      detail: '{{insurer}}：{{state}}（{{endpoint}}、{{checkedAt}} 確認）',
      offlineHint: '手元のデータで作業を続けられます。再発行は接続が戻りしだい送信されます。',
    },
    site: {
      open: 'サイト受付中',
      closed: 'サイト休止中 {{time}}再開',
      hours:
        '{{insurer}}：{{open}}〜翌{{close}} 利用可能（Web手続きは満期日{{days}}日前の{{cutoff}}まで）',
    },
  },
  languages: {
    ja: '日本語',
    en: 'English',
  },
  contracts: {
    title: '契約一覧',
    total: '{{count, number}}件',
    tableLabel: '契約一覧',
    keyboardHint:
      '↑↓キーで行を移動、PageUp／PageDownで1画面分、Home／Endで先頭／末尾へ移動します。',
    activeRow: '{{position}}件目／{{total}}件：証券番号 {{policyNumber}}、{{clientName}} 様',
    loadingRow: '読み込み中',
    unassigned: '未割当',
    refreshing: '更新中…',
    columns: {
      policyNumber: '証券番号',
      client: 'お客様',
      vehicle: 'お車',
      maturity: '満期日',
      cutoff: 'Web手続き期限',
      step: '現在のステップ',
      staff: '担当者',
    },
    sortHint: {
      ascending: '昇順で並んでいます。押すと降順にします。',
      descending: '降順で並んでいます。押すと昇順にします。',
      none: '押すとこの列で並べ替えます。',
    },
    empty: {
      title: '契約がありません',
      description:
        '保険会社との同期がまだ終わっていない可能性があります。しばらく待ってから再読み込みしてください。試しに使う場合は、管理者にデモデータの投入（npm run cli -- seed-demo）を依頼してください。',
    },
    error: {
      title: '契約一覧を読み込めませんでした',
      retry: '再試行',
      code: 'エラーコード: {{code}}',
    },
  },
  dates: {
    placeholder: '年/月/日',
    clear: '日付を消す',
    nextMonth: '次の月',
    previousMonth: '前の月',
    nextYear: '次の年',
    previousYear: '前の年',
    nextDecade: '次の10年',
    previousDecade: '前の10年',
    monthLevel: '年と月を選ぶ',
    yearLevel: '年を選ぶ',
  },
  contractFilters: {
    searchLabel: '契約を検索',
    searchPlaceholder: '名前（漢字・かな）、証券番号、電話、ナンバー',
    more: '絞り込み条件',
    clearAll: '条件をすべて解除',
    matches: '該当 {{count, number}}件',
    matchesCapped: '該当 {{count, number}}件以上',
    matchesCappedHint:
      '一致が多いため、{{count, number}}件までを並べています。語を足すか、条件で絞り込んでください。',
    any: 'すべて',
    me: '自分',
    insurer: '保険会社',
    branch: '支店',
    staff: '担当者',
    urgency: 'Web期限までの日数',
    flow: '手続き方式',
    step: 'ステップ',
    mail: 'メールの状況',
    registration: 'マイページ登録',
    outbox: '再発行',
    maturityFrom: '満期日（から）',
    maturityTo: '満期日（まで）',
    mailStates: {
      id_not_sent: 'IDメール未送信',
      awaiting_password: 'パスワード発行メール待ち',
      password_delivered: 'パスワード発行メール到着',
      bounced: 'メール不達（エラー）',
      suppressed_existing: 'パスワードメールなし（前年の登録あり）',
    },
    registrationStates: {
      not_started: '未登録',
      provisional: '仮登録中',
      expired: '仮登録の期限切れ',
      mismatch: '本人情報の不一致',
      wrong_policy_number: '証券番号の誤り（更新後の番号）',
      registered: '本登録済み',
    },
    outboxStates: {
      pending: '送信待ち・送信中',
      failed: '失敗・要確認',
      none: '再発行なし',
    },
    noMatch: {
      title: '条件に合う契約はありません',
      description:
        '検索語や絞り込み条件を変えるか、「条件をすべて解除」を押してください。名前はかなでも漢字でも探せます。',
    },
    views: {
      menu: '保存したビュー',
      empty: '保存したビューはまだありません。条件を設定して名前を付けて保存できます。',
      loadError: '保存したビューを読み込めませんでした。画面を再読み込みしてください。',
      nameLabel: '現在の条件を保存',
      replaceHint: '同じ名前のビューは上書きされます',
      save: '保存',
      deleteLabel: 'ビュー「{{name}}」を削除',
    },
  },
  steps: {
    none: '手続き前',
    a1_credentials: 'STEP① ID・パスワード発行',
    a2_login: 'STEP② 初回ログイン',
    a3_procedure: 'STEP③ 更新手続き',
    a4_completed: 'STEP④ 手続き完了メール',
    a5_mypage: 'STEP⑤ マイページ登録',
    b1_signup: 'マイページ新規登録',
    b2_provisional: '仮登録（24時間以内に本登録）',
    b3_registered: 'マイページ本登録済み',
    b4_procedure: 'Clickar 更新手続き',
    b5_completed: '更新手続き完了',
  },
  screens: {
    select_contract: 'ご契約を選択',
    confirmations: '確認事項',
    vehicle: 'お車に関する情報',
    parties: 'ご契約者・記名被保険者・車両所有者',
    quote_plan: 'お見積り結果・プラン申込み',
    intent_apply: '意向のご確認・お申込み',
    formed: 'ご契約の成立',
  },
  screenPrefix: '画面: {{screen}}',
  urgency: {
    closed: '期限切れ',
    d3: '残り3日以内',
    d7: '7日以内',
    d14: '14日以内',
    d30: '30日以内',
    later: 'それ以降',
  },
  renewalStatus: {
    not_started: '未着手',
    in_progress: '手続き中',
    renewed: '更新済み',
    lapsed: '満期切れ（無保険）',
    cancelled: '解約',
  },
  renewedVia: {
    web: 'Web更新済',
    agency: '代理店で更新済',
  },
  outcome: {
    lapsed: '無保険',
    cancelled: '解約',
  },
  flows: {
    A: 'IDメール＋パスワードメール',
    B: 'マイページ登録＋Clickar',
  },
  errors: {
    unknown_method:
      'アプリの画面とデータ処理部のバージョンが合っていません。アプリを再起動し、直らない場合は最新版に更新してください。',
    invalid_input:
      '画面から送った条件が正しくありませんでした。画面を再読み込みしてもう一度お試しください。',
    forbidden:
      'この操作は許可されていません。アプリを再起動してください。続く場合は管理者に連絡してください。',
    unauthorized:
      '接続の認証が切れました。アプリを再起動するか、ブラウザの場合は表示されたURLを開き直してください。',
    not_found:
      '対象のデータが見つかりませんでした。削除された可能性があります。一覧を再読み込みしてください。',
    invalid_output:
      'データの形式が正しくありませんでした。再試行し、続く場合は管理者に連絡してください。',
    internal:
      'アプリ内部でエラーが起きました。再試行し、続く場合はアプリを再起動して管理者に連絡してください。',
    backend_unreachable:
      'アプリのデータ処理部に接続できません。アプリが起動しているか確認し、再試行してください。',
    request_refused: 'この依頼は受け付けられませんでした。理由を確認してください。',
    secret_storage_unavailable:
      'このPCのOS資格情報ストア（Windowsの資格情報/ macOSのキーチェーン）が使えないため、認証情報を保存できませんでした。管理者にご相談ください。',
  },
  sync: {
    never: '未同期',
    running: '同期中…',
    runningPercent: '同期中 {{percent}}%',
    lastSuccess: '最終同期 {{time}}',
    runNow: '今すぐ同期',
    details: '同期の詳細と設定',
    nextRun: '次回の自動同期 {{time}}',
    noNextRun: '次回の自動同期は未定です（同期中または停止中）',
    interval: '自動同期の間隔',
    everyMinutes: '{{count}}分ごと',
    retry: '今すぐ再試行',
    initial: '保険会社から契約を取得しています… {{done, number}} / {{total, number}}件',
    initialUnknown: '保険会社から契約を取得しています… {{done, number}}件',
    banner: {
      offline: '保険会社に接続できません。手元のデータで作業を続けられます。',
      siteClosed: '保険会社のサイトが休止中です（{{time}} 再開）。再開後に自動で同期します。',
      error: '保険会社との同期に失敗しました。しばらくして自動で再試行します。',
      asOf: '{{asOf}} 時点のデータを表示しています。',
      pending: '送信待ちの再発行 {{count}}件は接続が戻りしだい送信します。',
    },
  },
  detail: detailJa,
  insurerSettings: {
    open: '接続設定',
    title: '保険会社の接続設定',
    intro:
      '保険会社から発行されたAPIの接続情報を入力してください。クライアントシークレットはOSの資格情報ストアに暗号化して保存され、画面やログには表示されません。',
    insurerId: '保険会社ID（英小文字・数字・ハイフン）',
    name: '保険会社名',
    baseUrl: 'APIのURL',
    clientId: 'クライアントID',
    clientSecret: 'クライアントシークレット',
    toggleSecret: 'シークレットの表示・非表示',
    save: '保存',
    cancel: '閉じる',
    saved: '保存しました。アプリを再起動すると {{name}} に接続します。',
    demoNote: '保険会社を設定すると、次回の起動からデモ保険会社ではなくこの保険会社に接続します。',
  },
}

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** The shape every language must fill in. */
export type Messages = Widen<typeof ja>
