import { Badge, Box, Group, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type {
  StageStateValue,
  StepTrackView,
} from '../../../../electron/common/api/contract-detail'
import { screenLabel, stageLabel } from '../../../../electron/common/domain/renewal-labels'
import { useLang } from './use-lang'
import classes from './StepTracker.module.css'

/**
 * Each state has its own glyph, its own word and its own colour, so it reads without colour:
 * ✓ done, ▶ here now, ! stuck, ○ not yet.
 */
const LOOK: Record<
  StageStateValue,
  { glyph: string; color: string; variant: 'filled' | 'outline' | 'light' }
> = {
  done: { glyph: '✓', color: 'statusOk', variant: 'outline' },
  current: { glyph: '▶', color: 'indigo', variant: 'filled' },
  failed: { glyph: '!', color: 'red.9', variant: 'filled' },
  todo: { glyph: '○', color: 'gray', variant: 'light' },
}

export function StepTracker({ track }: { track: StepTrackView }) {
  const { t } = useTranslation()
  const lang = useLang()
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {track.flow === 'A' ? t('detail.track.flowA') : t('detail.track.flowB')}
      </Text>
      <Box
        component="ol"
        className={classes.list}
        data-testid="step-tracker"
        data-flow={track.flow}
      >
        {track.stages.map((stage) => {
          const look = LOOK[stage.state]
          const label = stageLabel(stage.stage, lang)
          return (
            <li
              key={stage.stage}
              className={classes.stage}
              data-testid="step-stage"
              data-stage={stage.stage}
              data-state={stage.state}
              aria-current={
                stage.state === 'current' || stage.state === 'failed' ? 'step' : undefined
              }
            >
              <Group gap="sm" wrap="nowrap" align="center">
                <ThemeIcon
                  size={28}
                  radius="xl"
                  color={look.color}
                  variant={look.variant}
                  aria-hidden
                >
                  <Text span fw={700} size="sm" lh={1}>
                    {look.glyph}
                  </Text>
                </ThemeIcon>
                <Text fw={stage.state === 'current' || stage.state === 'failed' ? 700 : 500}>
                  {label}
                </Text>
                <Badge
                  size="sm"
                  radius="sm"
                  variant={stage.state === 'todo' ? 'default' : look.variant}
                  color={look.color}
                  data-testid="step-state"
                >
                  {t(`detail.track.state.${stage.state}`)}
                </Badge>
                {stage.optional && (
                  <Text size="xs" c="dimmed">
                    （{t('detail.track.optional')}）
                  </Text>
                )}
              </Group>
              {stage.screens && stage.state !== 'todo' && (
                <ol
                  className={classes.screens}
                  aria-label={t('detail.track.screensTitle', { stage: label })}
                  data-testid="step-screens"
                >
                  {stage.screens.map((s) => (
                    <li
                      key={s.screen}
                      className={classes.screen}
                      data-state={s.state}
                      data-testid="step-screen"
                      aria-current={s.state === 'current' ? 'step' : undefined}
                    >
                      <Text span size="sm" aria-hidden mr={6}>
                        {LOOK[s.state].glyph}
                      </Text>
                      <Text span size="sm">
                        {screenLabel(s.screen, lang)}
                      </Text>
                      <VisuallyHidden>（{t(`detail.track.state.${s.state}`)}）</VisuallyHidden>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          )
        })}
      </Box>
    </Stack>
  )
}
