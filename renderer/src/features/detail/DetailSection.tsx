import { Paper, Text, Title } from '@mantine/core'
import { useId, type ReactNode } from 'react'

/** A titled panel; the title names the region for screen-reader landmarks. */
export function DetailSection({
  title,
  hint,
  children,
  testId,
}: {
  title: string
  hint?: string
  children: ReactNode
  testId?: string
}) {
  const id = useId()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={3} size="h5" id={id} mb={hint ? 2 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  )
}
