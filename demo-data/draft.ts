import type { InsurerRuleSet } from '../electron/common/domain/insurer-rules'
import type {
  ProcedureScreen,
  RenewalChannel,
  RenewalStatus,
  RenewalStep,
} from '../electron/common/domain/renewal'
import { PROCEDURE_SCREENS } from '../electron/common/domain/renewal'
import { HOUR, jstMinuteOfDay, MINUTE, type MaturitySlot } from './calendar'
import type { Rng } from './random'
import type { DemoMailState, DemoProgress } from './types'

/**
 * The renewal-side state of one contract while a scenario builds it. Builders work in
 * relative time (a Chain from 0), then place the chain on the calendar in one go; that
 * keeps every sequence ordered by construction.
 */
export interface Draft {
  rng: Rng
  now: number
  slot: MaturitySlot
  rules: InsurerRuleSet
  /** Latest instant any web event may have: now, or the web cutoff once it has passed. */
  end: number
  email: string | null
  emailIsCarrier: boolean
  mail: DemoMailState
  progress: DemoProgress
  renewalStatus: RenewalStatus
  renewalChannel: RenewalChannel | null
  renewed: boolean
}

export function emptyMailState(): DemoMailState {
  return {
    idMail: {
      status: 'not_sent',
      sentAt: null,
      deliveredAt: null,
      failedAt: null,
      failureReason: null,
    },
    passwordMail: {
      status: 'not_sent',
      sentAt: null,
      deliveredAt: null,
      failedAt: null,
      failureReason: null,
    },
    credentialsIssuedYear: null,
    firstLoginAt: null,
    tempPasswordChangedAt: null,
    passwordExpiredAt: null,
    mypage: {
      status: 'not_started',
      provisionalAt: null,
      provisionalExpiresAt: null,
      registeredAt: null,
      failedAt: null,
      mismatchField: null,
    },
  }
}

export function emptyProgress(): DemoProgress {
  return {
    step: 'none',
    stepReachedAt: null,
    screen: null,
    screenReachedAt: null,
    startedAt: null,
    completedAt: null,
    lastActivityAt: null,
  }
}

/** Relative clock for one chain of events, starting at 0. */
export class Chain {
  t = 0
  constructor(private readonly rng: Rng) {}
  wait(min: number, max: number): number {
    this.t += this.rng.int(min, max)
    return this.t
  }
}

export type Place = (relative: number) => number

/**
 * Puts a chain on the calendar so that its event at `anchor` (relative) falls in
 * [lo, hi]; the chain never starts before the window opened and never runs past `end`.
 * A chain longer than the time between the window opening and its anchor is compressed
 * up to the anchor (not shifted later): an "abandoned" client's last screen must stay days
 * before now, not slide to now. Both maps are monotone, so order survives the edge cases.
 */
export function place(draft: Draft, anchor: number, lo: number, hi: number): Place {
  let at = hi <= lo ? lo : draft.rng.int(lo, hi)
  at = avoidClosedHours(at, lo, hi)
  const opens = draft.slot.windowOpensAt
  if (at - anchor >= opens || anchor <= 0) {
    const base = Math.max(at - anchor, opens)
    return (relative) => Math.min(base + relative, draft.end)
  }
  const scale = Math.max(0, at - opens) / anchor
  return (relative) =>
    Math.min(
      relative <= anchor ? opens + Math.round(relative * scale) : at + (relative - anchor),
      draft.end,
    )
}

/**
 * The insurer's site is closed 04:00–06:00 JST, so client actions are moved out of it
 * (back before 04:00 if that stays in range, else after 06:00).
 */
function avoidClosedHours(at: number, lo: number, hi: number): number {
  const minute = jstMinuteOfDay(at)
  if (minute < 4 * 60 || minute >= 6 * 60) return at
  const earlier = at - 2 * HOUR
  if (earlier >= lo) return earlier
  const later = at + (6 * 60 - minute) * MINUTE
  return later <= hi ? later : at
}

export function setStep(draft: Draft, step: RenewalStep, at: number): void {
  draft.progress.step = step
  draft.progress.stepReachedAt = at
}

/** Screens 0..lastScreen reached, one after another; returns the relative time of the last. */
export function walkScreens(chain: Chain, lastScreen: number): number {
  for (let i = 1; i <= lastScreen; i++) chain.wait(40_000, 6 * MINUTE)
  return chain.t
}

export function screenAt(index: number): ProcedureScreen {
  const screen = PROCEDURE_SCREENS[index]
  if (screen === undefined) throw new Error(`no procedure screen ${index}`)
  return screen
}

export const FORMED_SCREEN = PROCEDURE_SCREENS.length - 1
