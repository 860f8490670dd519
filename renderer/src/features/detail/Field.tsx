import { Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** A label over its value; the pair reads as one line to a screen reader. */
export function Field({
  label,
  children,
  testId,
}: {
  label: string
  children: ReactNode
  testId?: string
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  )
}
