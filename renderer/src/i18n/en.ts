import { detailEn } from './detail-en'
import { triagePaletteEn } from './triage-en'
import { todayEn } from './today-en'
import type { Messages } from './ja'

export const en: Messages = {
  ...triagePaletteEn,
  ...todayEn,
  app: {
    name: 'Renewal Desk',
  },
  nav: {
    label: 'Screens',
    today: 'Today',
    contracts: 'Contracts',
    triage: 'Mail & registration issues',
  },
  session: {
    title: 'Who is using this PC?',
    intro:
      'Choose yourself. “Mine”, your branch view and who requested a reissue follow from this choice.',
    who: 'Staff member',
    choose: 'Search or choose a name',
    signIn: 'Start',
    switch: 'Switch user',
    noStaff: 'No staff data yet. Wait for the first sync to finish.',
    role: { staff: 'Staff', manager: 'Branch manager' },
  },
  header: {
    dataSource: {
      demo: 'Demo data',
      insurer: 'Insurer data',
      empty: 'No data',
    },
    demoDataHint: 'The contracts shown are fictitious demo data, not real clients.',
    demoInsurer: 'Demo insurer',
    contractCount: 'Contracts: {{count, number}}',
    clockLabel: 'JST',
    clockTitle: 'Current time in Japan',
    language: 'Language',
    toLight: 'Switch to light mode',
    toDark: 'Switch to dark mode',
    connection: {
      connected: 'Connected to insurer',
      connectedDemo: 'Connected to demo insurer',
      offline: 'Insurer unreachable',
      site_closed: 'Insurer site closed (reopens {{time}})',
      busy: 'Insurer busy',
      unauthorized: 'Insurer rejected our credentials',
      not_configured: 'No insurer configured',
      error: 'Insurer communication error',
      checking: 'Checking insurer…',
      detail: '{{insurer}}: {{state}} ({{endpoint}}, checked {{checkedAt}})',
      offlineHint:
        'You can keep working from the local data; reissues are sent once the connection is back.',
    },
    site: {
      open: 'Sites open',
      closed: 'Sites closed until {{time}}',
      hours:
        '{{insurer}}: open {{open}} to {{close}} next day (web renewal until {{cutoff}}, {{days}} days before maturity)',
    },
  },
  languages: {
    ja: '日本語',
    en: 'English',
  },
  contracts: {
    title: 'Contracts',
    total: '{{count, number}} total',
    tableLabel: 'Contracts',
    keyboardHint:
      'Use ↑/↓ to move between rows, Page Up/Page Down to move one screen, Home/End to jump to the first/last row.',
    activeRow: 'Row {{position}} of {{total}}: policy {{policyNumber}}, {{clientName}}',
    loadingRow: 'Loading',
    unassigned: 'Unassigned',
    refreshing: 'Updating…',
    columns: {
      policyNumber: 'Policy no.',
      client: 'Client',
      vehicle: 'Vehicle',
      maturity: 'Maturity',
      cutoff: 'Web deadline',
      step: 'Current step',
      staff: 'Staff',
    },
    sortHint: {
      ascending: 'Sorted ascending. Press to sort descending.',
      descending: 'Sorted descending. Press to sort ascending.',
      none: 'Press to sort by this column.',
    },
    empty: {
      title: 'No contracts',
      description:
        'The sync with the insurer may not have finished yet. Wait a moment and reload. To try the app, ask your administrator to load the demo data (npm run cli -- seed-demo).',
    },
    error: {
      title: 'Could not load the contracts',
      retry: 'Retry',
      code: 'Error code: {{code}}',
    },
  },
  contractFilters: {
    searchLabel: 'Search contracts',
    searchPlaceholder: 'Name (kanji or kana), policy number, phone, plate',
    more: 'Filters',
    clearAll: 'Clear all',
    matches: '{{count, number}} matches',
    matchesCapped: 'over {{count, number}} matches',
    any: 'Any',
    me: 'Me',
    insurer: 'Insurer',
    branch: 'Branch',
    staff: 'Staff',
    urgency: 'Days to web cutoff',
    flow: 'Flow',
    step: 'Step',
    mail: 'Mail state',
    registration: 'MyPage registration',
    outbox: 'Reissues',
    maturityFrom: 'Maturity from',
    maturityTo: 'Maturity to',
    mailStates: {
      id_not_sent: 'ID mail not sent',
      awaiting_password: 'Waiting for password mail',
      password_delivered: 'Password mail delivered',
      bounced: 'Mail bounced',
      suppressed_existing: 'No password mail (earlier year)',
    },
    registrationStates: {
      not_started: 'Not registered',
      provisional: 'Provisional',
      expired: 'Provisional expired',
      mismatch: 'Details mismatch',
      wrong_policy_number: 'Wrong (renewed) policy number',
      registered: 'Registered',
    },
    outboxStates: {
      pending: 'Queued or sending',
      failed: 'Failed or needs review',
      none: 'No reissue',
    },
    noMatch: {
      title: 'No contracts match',
      description:
        'Change the search or filters, or press "Clear all". Names can be searched in kana or kanji.',
    },
    views: {
      menu: 'Saved views',
      empty: 'No saved views yet. Set filters, then save them under a name.',
      loadError: 'Could not load saved views. Reload the screen.',
      nameLabel: 'Save current filters',
      replaceHint: 'A view with the same name is replaced',
      save: 'Save',
      deleteLabel: 'Delete view "{{name}}"',
    },
  },
  steps: {
    none: 'Not started',
    a1_credentials: 'STEP 1 ID and password issued',
    a2_login: 'STEP 2 First login',
    a3_procedure: 'STEP 3 Renewal procedure',
    a4_completed: 'STEP 4 Completion mail',
    a5_mypage: 'STEP 5 MyPage registration',
    b1_signup: 'MyPage sign-up',
    b2_provisional: 'Provisional (complete within 24 h)',
    b3_registered: 'MyPage registered',
    b4_procedure: 'Clickar renewal procedure',
    b5_completed: 'Renewal completed',
  },
  screens: {
    select_contract: 'Select contract',
    confirmations: 'Confirmations',
    vehicle: 'Vehicle information',
    parties: 'Policyholder / insured / owner',
    quote_plan: 'Quote and plan',
    intent_apply: 'Intent check and application',
    formed: 'Contract formed',
  },
  screenPrefix: 'Screen: {{screen}}',
  urgency: {
    closed: 'Closed',
    d3: '≤ 3 days',
    d7: '≤ 7 days',
    d14: '≤ 14 days',
    d30: '≤ 30 days',
    later: 'Later',
  },
  renewalStatus: {
    not_started: 'Not started',
    in_progress: 'In progress',
    renewed: 'Renewed',
    lapsed: 'Lapsed (uninsured)',
    cancelled: 'Cancelled',
  },
  renewedVia: {
    web: 'Renewed',
    agency: 'Via agency',
  },
  outcome: {
    lapsed: 'Uninsured',
    cancelled: 'Cancelled',
  },
  flows: {
    A: 'ID mail + password mail',
    B: 'MyPage + Clickar',
  },
  errors: {
    unknown_method:
      'The screen and the data service are different versions. Restart the app; if that does not help, update to the latest version.',
    invalid_input:
      'The request sent from the screen was not valid. Reload the screen and try again.',
    forbidden:
      'This action is not allowed. Restart the app; if it continues, contact your administrator.',
    unauthorized:
      'The connection is no longer authorised. Restart the app, or in a browser open the printed URL again.',
    not_found: 'The data was not found; it may have been deleted. Reload the list.',
    invalid_output:
      'The data came back in an unexpected format. Retry; if it continues, contact your administrator.',
    internal:
      'Something went wrong inside the app. Retry; if it continues, restart the app and contact your administrator.',
    backend_unreachable:
      'Cannot reach the app’s data service. Check that the app is running, then retry.',
    request_refused: 'This request was refused; see the reason.',
    secret_storage_unavailable:
      'The credentials could not be saved because this PC’s OS credential store (Windows Credential Manager / macOS Keychain) is unavailable. Ask your administrator.',
  },
  sync: {
    never: 'Not synced yet',
    running: 'Syncing…',
    runningPercent: 'Syncing {{percent}}%',
    lastSuccess: 'Synced {{time}}',
    runNow: 'Sync now',
    details: 'Sync details and settings',
    nextRun: 'Next automatic sync at {{time}}',
    noNextRun: 'No automatic sync scheduled (syncing or stopped)',
    interval: 'Sync automatically',
    everyMinutes: 'Every {{count}} min',
    retry: 'Retry now',
    initial: 'Fetching contracts from the insurer… {{done, number}} / {{total, number}}',
    initialUnknown: 'Fetching contracts from the insurer… {{done, number}}',
    banner: {
      offline: 'The insurer cannot be reached. You can keep working from the local data.',
      siteClosed: 'The insurer’s site is closed (reopens {{time}}). Sync resumes automatically.',
      error: 'Sync with the insurer failed. It will retry automatically.',
      asOf: 'Showing data as of {{asOf}}.',
      pending: '{{count}} queued reissue(s) will be sent once the connection is back.',
    },
  },
  detail: detailEn,
  insurerSettings: {
    open: 'Connection',
    title: 'Insurer connection',
    intro:
      'Enter the API connection your insurer issued. The client secret is encrypted in the OS credential store and never shown on screen or in logs.',
    insurerId: 'Insurer ID (lowercase letters, digits, hyphens)',
    name: 'Insurer name',
    baseUrl: 'API URL',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    toggleSecret: 'Show or hide the secret',
    save: 'Save',
    cancel: 'Close',
    saved: 'Saved. Restart the app to connect to {{name}}.',
    demoNote:
      'Once an insurer is set up, the app connects to it instead of the demo insurer from the next start.',
  },
}
