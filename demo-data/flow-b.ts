import type { MismatchField } from '../electron/common/domain/renewal'
import { MISMATCH_FIELDS } from '../electron/common/domain/renewal'
import { DAY, HOUR, MINUTE, SECOND } from './calendar'
import {
  Chain,
  FORMED_SCREEN,
  place,
  screenAt,
  setStep,
  walkScreens,
  type Draft,
  type Place,
} from './draft'

/**
 * Flow B (seed 003): MyPage sign-up with the pre-renewal policy number and four matching
 * fields → provisional registration (mail, 24 h) → full registration → Clickar renewal.
 */
function ttl(draft: Draft): number {
  return draft.rules.mypageProvisionalTtlHours * HOUR
}

function startSignup(draft: Draft, at: Place): void {
  draft.progress.startedAt = at(0)
  draft.progress.lastActivityAt = at(0)
  setStep(draft, 'b1_signup', at(0))
  draft.renewalStatus = 'in_progress'
}

function applyProvisional(draft: Draft, at: Place, provisional: number): void {
  const { mypage } = draft.mail
  mypage.provisionalAt = at(provisional)
  // Deliberately not clamped: for a pending registration the link expires in the future.
  mypage.provisionalExpiresAt = mypage.provisionalAt + ttl(draft)
  draft.progress.lastActivityAt = at(provisional)
  setStep(draft, 'b2_provisional', at(provisional))
}

export function provisionalPending(draft: Draft): void {
  const chain = new Chain(draft.rng)
  const provisional = chain.wait(2 * MINUTE, 10 * MINUTE)
  const from = Math.max(draft.slot.windowOpensAt, draft.end - ttl(draft) + MINUTE)
  const at = place(draft, provisional, from, draft.end)
  startSignup(draft, at)
  draft.mail.mypage.status = 'provisional'
  applyProvisional(draft, at, provisional)
}

export function provisionalExpired(draft: Draft): void {
  const chain = new Chain(draft.rng)
  const provisional = chain.wait(2 * MINUTE, 10 * MINUTE)
  const at = place(draft, provisional, draft.slot.windowOpensAt, draft.end - ttl(draft) - MINUTE)
  startSignup(draft, at)
  draft.mail.mypage.status = 'expired'
  applyProvisional(draft, at, provisional)
}

function rejected(draft: Draft, status: 'mismatch' | 'wrong_policy_number'): void {
  const chain = new Chain(draft.rng)
  const failed = chain.wait(MINUTE, 8 * MINUTE)
  const at = place(draft, failed, draft.slot.windowOpensAt, draft.end - 10 * MINUTE)
  startSignup(draft, at)
  const { mypage } = draft.mail
  mypage.status = status
  mypage.failedAt = at(failed)
  if (status === 'mismatch') mypage.mismatchField = draft.rng.pick<MismatchField>(MISMATCH_FIELDS)
  draft.progress.lastActivityAt = at(failed)
}

export function mismatch(draft: Draft): void {
  rejected(draft, 'mismatch')
}

/** The client typed the renewed (更新後) policy number instead of the current one. */
export function wrongPolicyNumber(draft: Draft): void {
  rejected(draft, 'wrong_policy_number')
}

interface Registration {
  provisional: number | null
  registered: number
}

/** Sign-up → provisional → full registration within the link's lifetime. */
function register(draft: Draft, chain: Chain): Registration {
  const provisional = chain.wait(2 * MINUTE, 10 * MINUTE)
  const registered = chain.wait(3 * MINUTE, ttl(draft) - HOUR)
  return { provisional, registered }
}

function applyRegistration(draft: Draft, at: Place, r: Registration): void {
  if (r.provisional !== null) {
    startSignup(draft, at)
    applyProvisional(draft, at, r.provisional)
  }
  draft.mail.mypage.status = 'registered'
  draft.mail.mypage.registeredAt = at(r.registered)
  draft.progress.lastActivityAt = at(r.registered)
  setStep(draft, 'b3_registered', at(r.registered))
}

export function registeredNotRenewed(draft: Draft): void {
  const chain = new Chain(draft.rng)
  const r = register(draft, chain)
  const at = place(draft, r.registered, draft.slot.windowOpensAt, draft.end - 2 * DAY)
  applyRegistration(draft, at, r)
  draft.renewalStatus = 'in_progress'
}

interface Procedure {
  registration: Registration | null
  /** Registered in an earlier season (MyPage accounts carry over), as an instant. */
  registeredEarlierAt: number | null
  start: number
  lastScreenAt: number
}

function procedure(draft: Draft, chain: Chain, lastScreen: number): Procedure {
  const { rng } = draft
  const earlier = rng.chance(0.3)
  const registration = earlier ? null : register(draft, chain)
  const registeredEarlierAt = earlier
    ? draft.slot.windowOpensAt - rng.int(300 * DAY, 1000 * DAY)
    : null
  const start = registration === null ? 0 : chain.wait(MINUTE, 2 * DAY)
  const lastScreenAt = walkScreens(chain, lastScreen)
  return { registration, registeredEarlierAt, start, lastScreenAt }
}

function applyProcedure(draft: Draft, at: Place, p: Procedure, lastScreen: number): void {
  if (p.registration !== null) {
    applyRegistration(draft, at, p.registration)
  } else {
    draft.mail.mypage.status = 'registered'
    draft.mail.mypage.registeredAt = p.registeredEarlierAt
    draft.progress.startedAt = at(p.start)
  }
  setStep(draft, 'b4_procedure', at(p.start))
  draft.progress.screen = screenAt(lastScreen)
  draft.progress.screenReachedAt = at(p.lastScreenAt)
  draft.progress.lastActivityAt = at(p.lastScreenAt)
  draft.renewalStatus = 'in_progress'
}

export function inProgressB(draft: Draft): void {
  const lastScreen = draft.rng.int(0, FORMED_SCREEN - 1)
  const p = procedure(draft, new Chain(draft.rng), lastScreen)
  const from = Math.max(draft.slot.windowOpensAt, draft.end - 2 * DAY)
  applyProcedure(draft, place(draft, p.lastScreenAt, from, draft.end), p, lastScreen)
}

export function abandonedB(draft: Draft): void {
  const lastScreen = draft.rng.int(0, FORMED_SCREEN - 1)
  const p = procedure(draft, new Chain(draft.rng), lastScreen)
  const to = Math.min(draft.end, draft.now - 3 * DAY)
  applyProcedure(draft, place(draft, p.lastScreenAt, draft.slot.windowOpensAt, to), p, lastScreen)
}

export function renewedWebB(draft: Draft): void {
  const chain = new Chain(draft.rng)
  const p = procedure(draft, chain, FORMED_SCREEN)
  const done = chain.wait(10 * SECOND, 3 * MINUTE)
  const at = place(draft, p.lastScreenAt, draft.slot.windowOpensAt, draft.end)
  applyProcedure(draft, at, p, FORMED_SCREEN)
  draft.progress.completedAt = at(p.lastScreenAt)
  setStep(draft, 'b5_completed', at(done))
  draft.renewalStatus = 'renewed'
  draft.renewalChannel = 'web'
  draft.renewed = true
}
