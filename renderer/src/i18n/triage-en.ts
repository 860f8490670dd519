import type { Messages } from './ja'

/** English for triage-ja.ts (same keys, checked by the type). */
export const triagePaletteEn: Pick<Messages, 'triage' | 'palette' | 'shortcuts'> = {
  triage: {
    title: 'Mail & registration issues',
    intro:
      'Clients whose login mails do not arrive or who cannot register on MyPage, nearest web deadline first; those past it (who must renew through the agency) come last.',
    asOf: 'as of {{time}}',
    scope: {
      label: 'Show',
      mine: 'Mine',
      branch: 'My branch',
      all: 'All',
    },
    categoriesLabel: 'Kind of problem',
    count: '{{count, number}}',
    categories: {
      password_mail_missing: 'Password mail missing',
      no_mail: 'No mail received',
      bounced: 'Mail bounced',
      password_suppressed: 'No password mail (earlier-year login)',
      provisional_expired: 'Provisional registration expired',
      registration_mismatch: 'Details do not match',
      wrong_policy_number: 'Wrong policy number',
    },
    descriptions: {
      password_mail_missing:
        'The ID mail was sent, but the password mail has not arrived for {{hours}} hours or more.',
      no_mail:
        'Neither the ID mail nor the password mail has arrived {{hours}} hours or more after sending (or only the ID mail is missing).',
      bounced: 'A mail came back undelivered. What to tell the client depends on the reason.',
      password_suppressed:
        'Login details were issued in an earlier year, so no password mail is sent. The client may be waiting for one.',
      provisional_expired:
        'The client did not complete MyPage registration within 24 hours of the provisional registration, which has lapsed.',
      registration_mismatch:
        'What the client entered on MyPage (name, address, birth date, phone) did not match the contract.',
      wrong_policy_number:
        'The renewed policy number was used for MyPage registration; the current (pre-renewal) one is required.',
    },
    listLabel: 'Clients: {{category}}',
    keyboardHint: 'Use ↑ and ↓ to move between clients and Enter to open the contract.',
    since: 'since {{time}}',
    elapsed: '{{span}} ago',
    sinceUnknown: 'start unknown',
    tellClient: 'What to do and tell the client',
    cutoff: 'Web deadline {{time}}',
    staff: 'Staff: {{name}}',
    unassigned: 'No staff assigned',
    policyNumber: 'Policy {{policyNumber}}',
    openDetail: 'Open the contract of {{name}}',
    flow: {
      A: 'ID mail flow',
      B: 'MyPage flow',
    },
    shown: 'Showing the {{shown, number}} nearest deadlines of {{total, number}}.',
    empty: {
      title: 'No client has this problem',
      description: 'No client in {{scope}} has “{{category}}”. All is well.',
    },
    error: {
      title: 'Could not load the mail and registration issues',
      retry: 'Retry',
    },
  },
  palette: {
    openLabel: 'Open the command palette ({{shortcut}})',
    placeholder: 'Search screens, client names, policy numbers…',
    searchLabel: 'Search commands and clients',
    nothingFound: 'No screen, action or client matches',
    clientSearchHint: 'Search clients by name (kanji or kana), policy number or phone',
    searching: 'Searching clients…',
    searchFailed: 'Could not search clients. Type again to retry.',
    activeResult: '{{index}} of {{total}}: {{label}}',
    groups: {
      screens: 'Screens',
      actions: 'Actions',
      clients: 'Clients',
    },
    goTo: 'Open {{screen}}',
    syncNow: 'Sync now',
    syncNowDescription: 'Fetch the latest data from the insurers',
    switchLanguage: '日本語に切り替え',
    switchLanguageDescription: 'Show the app in Japanese',
    toggleColorScheme: 'Switch light / dark',
    showShortcuts: 'Keyboard shortcuts',
    footer: '↑↓ to choose, Enter to run, Esc to close',
    client: '{{name}}',
    clientDescription: '{{policyNumber}} · {{vehicle}} · matures {{maturity}}',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    close: 'Close the shortcuts list',
    intro: 'While you type in a field, only Ctrl+K (⌘K) works.',
    keysColumn: 'Keys',
    actionColumn: 'Action',
    then: 'then',
    groups: {
      global: 'Anywhere',
      navigation: 'Go to a screen',
      lists: 'In lists and dialogs',
    },
    actions: {
      palette: 'Open or close the command palette',
      help: 'Open this list of shortcuts',
      goTo: 'Go to “{{screen}}”',
      focusSearch: 'Jump to the list’s search box',
      escape: 'Close a dialog or the palette',
      arrows: 'Move between rows or results',
      enter: 'Open the selected row or result',
    },
  },
}
