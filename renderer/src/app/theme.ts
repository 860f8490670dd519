import { createTheme, type CSSVariablesResolver } from '@mantine/core'

/** Japanese UI fonts that ship with each OS, so kana and kanji never fall back to a serif. */
const FONT_STACK =
  'system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic UI", Meiryo, sans-serif'

export const theme = createTheme({
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  primaryColor: 'indigo',
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
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
})
