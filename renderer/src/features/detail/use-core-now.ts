import { useEffect, useState } from 'react'

/**
 * The current instant on the core's clock, ticking every `intervalMs`. The core answers
 * with `asOf` (its own clock when it computed the detail); keeping the same offset from
 * that moment keeps the countdown in step with the urgency and stuck reasons beside it,
 * even where the core's clock is pinned (demo, tests).
 */
export function useCoreNow(asOf: string | undefined, receivedAt: number, intervalMs: number): Date {
  const offset = asOf === undefined ? 0 : Date.parse(asOf) - receivedAt
  const [tick, setTick] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setTick(Date.now()), intervalMs)
    return () => window.clearInterval(id)
  }, [intervalMs])
  return new Date(tick + offset)
}
