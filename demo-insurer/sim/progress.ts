import { PROCEDURE_SCREENS, type RenewalStep } from '../../electron/common/domain/renewal'
import type { DemoContract } from '../../demo-data/index'

/** Small helpers shared by both flows' handlers. */
export function touch(c: DemoContract, at: number): void {
  c.progress.lastActivityAt = at
}

/** Moves to `step`, keeping the time it was first reached when already there. */
export function reachStep(c: DemoContract, step: RenewalStep, at: number): void {
  if (c.progress.step === step) return
  c.progress.step = step
  c.progress.stepReachedAt = at
}

/** Position of the contract's current procedure screen (-1 = none yet). */
export function screenIndex(c: DemoContract): number {
  return c.progress.screen === null ? -1 : PROCEDURE_SCREENS.indexOf(c.progress.screen)
}

export const FORMED = PROCEDURE_SCREENS.length - 1
