import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core'

/** Japanese UI fonts that ship with each OS, so kana and kanji never fall back to a serif. */
const FONT_STACK =
  'system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic UI", Meiryo, sans-serif'

/**
 * Status colours for outline badges on small text. Mantine draws an outline badge with the
 * light scheme's primary shade (7 here) and with shade 4 in the dark scheme; its own greens,
 * reds and oranges miss WCAG AA (4.5:1) there, so these tuples hold a dark colour in shades
 * 5–9 (≥ 5:1 on white and on the active-row tint) and a light one in 0–4 (≥ 7:1 on dark).
 */
const statusColor = (light: string, dark: string): MantineColorsTuple => [
  dark,
  dark,
  dark,
  dark,
  dark,
  light,
  light,
  light,
  light,
  light,
]

export const theme = createTheme({
  colors: {
    statusOk: statusColor('#1b6e2e', '#8ce99a'),
    statusAlert: statusColor('#a61b1b', '#ffa8a8'),
    statusCaution: statusColor('#9c3d0a', '#ffc078'),
    statusNeutral: statusColor('#495057', '#ced4da'),
  },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  primaryColor: 'indigo',
  // indigo-6 under white text is 4.3:1; one shade darker passes WCAG AA.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  // Badges and buttons pick black or white text by background, keeping WCAG contrast.
  autoContrast: true,
})

/**
 * Mantine's default "dimmed" grey fails WCAG AA on small text (3.3:1 on white). Staff
 * read kana and plates in that colour all day, so use one shade darker/lighter.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Form errors in Mantine's red-6 are 3.3:1 on white; red-9 reads at 5.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
})
