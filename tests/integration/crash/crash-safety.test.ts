import { describe, expect, it } from 'vitest'
import { runCrashHarness } from '../../crash/harness'

describe('crash safety', () => {
  it('survives 20 SIGKILLs during sync and outbox draining: intact, converged, exactly once', async () => {
    const result = await runCrashHarness({ kills: 20 })
    expect(result.kills).toBe(20)
    expect(result.integrityChecks).toBeGreaterThanOrEqual(20)
    for (const insurer of result.insurers) {
      expect(insurer.contracts).toBeGreaterThan(0)
      expect(insurer.equal, `cache of ${insurer.id} equals the insurer`).toBe(true)
    }
    expect(result.acceptedAtInsurer).toBeLessThanOrEqual(result.plannedReissues)
    expect(result.acceptedAtInsurer).toBeGreaterThan(0)
  }, 240_000)
})
