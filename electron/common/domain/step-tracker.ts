import {
  isOpenForRenewal,
  passwordExpiryUnresolved,
  type ContractWebState,
} from './contract-web-state'
import {
  FLOW_A_STEPS,
  FLOW_B_STEPS,
  PROCEDURE_SCREENS,
  type Flow,
  type ProcedureScreen,
  type RenewalStep,
} from './renewal'

/**
 * Where a client stands in their flow, stage by stage, for the contract detail and for
 * phone support. The insurer reports only the furthest step reached, so each stage is also
 * judged from the facts that prove it (mails delivered, login, registration): a client
 * registered on MyPage in an earlier season never passes through sign-up again.
 */

export type Stage = Exclude<RenewalStep, 'none'>
export type StageState = 'done' | 'current' | 'failed' | 'todo'

export interface ScreenView {
  screen: ProcedureScreen
  state: StageState
}

export interface StageView {
  stage: Stage
  state: StageState
  /** Flow A STEP⑤ (MyPage, app) is recommended, not required for the renewal. */
  optional: boolean
  /** The procedure's screens (flow A STEP③, flow B Clickar); null for other stages. */
  screens: ScreenView[] | null
}

export interface StepTrack {
  flow: Flow
  stages: StageView[]
  /** The stage the client is at now (state current or failed); null once settled. */
  current: StageView | null
}

interface StageFacts {
  stage: Stage
  done: boolean
  failed: boolean
  optional: boolean
  procedure: boolean
}

/** Whether the insurer's furthest step is `step` or later in this flow's order. */
function reached(state: ContractWebState, steps: readonly RenewalStep[], step: Stage): boolean {
  return steps.indexOf(state.progress.step) >= steps.indexOf(step)
}

function procedureFinished(state: ContractWebState): boolean {
  return state.progress.screen === 'formed' || state.progress.completedAt !== null
}

function renewedOnline(state: ContractWebState): boolean {
  return state.renewalStatus === 'renewed' && state.renewalChannel === 'web'
}

function flowAFacts(state: ContractWebState): StageFacts[] {
  const { mail } = state
  const at = (step: Stage) => reached(state, FLOW_A_STEPS, step)
  const { idMail, passwordMail } = mail
  const suppressed = passwordMail.status === 'suppressed_existing'
  const mailsInHand =
    idMail.status === 'delivered' && (passwordMail.status === 'delivered' || suppressed)
  const loggedIn = mail.firstLoginAt !== null && (suppressed || mail.tempPasswordChangedAt !== null)
  const stage = (s: Stage, done: boolean, failed = false, optional = false): StageFacts => ({
    stage: s,
    done,
    failed,
    optional,
    procedure: s === 'a3_procedure',
  })
  return [
    stage(
      'a1_credentials',
      at('a2_login') || mail.firstLoginAt !== null || mailsInHand,
      idMail.status === 'bounced' || passwordMail.status === 'bounced',
    ),
    stage('a2_login', at('a3_procedure') || loggedIn, passwordExpiryUnresolved(mail)),
    stage('a3_procedure', at('a4_completed') || procedureFinished(state)),
    stage('a4_completed', at('a4_completed') || renewedOnline(state)),
    stage('a5_mypage', at('a5_mypage') || mail.mypage.status === 'registered', false, true),
  ]
}

function flowBFacts(state: ContractWebState, now: Date): StageFacts[] {
  const { mypage } = state.mail
  const at = (step: Stage) => reached(state, FLOW_B_STEPS, step)
  const registered = mypage.status === 'registered'
  const lapsedLink =
    mypage.status === 'expired' ||
    (mypage.status === 'provisional' &&
      mypage.provisionalExpiresAt !== null &&
      now.getTime() >= mypage.provisionalExpiresAt)
  const stage = (s: Stage, done: boolean, failed = false): StageFacts => ({
    stage: s,
    done,
    failed,
    optional: false,
    procedure: s === 'b4_procedure',
  })
  return [
    stage(
      'b1_signup',
      at('b2_provisional') || ['provisional', 'expired', 'registered'].includes(mypage.status),
      mypage.status === 'mismatch' || mypage.status === 'wrong_policy_number',
    ),
    stage('b2_provisional', at('b3_registered') || registered, lapsedLink),
    stage('b3_registered', at('b3_registered') || registered),
    stage('b4_procedure', at('b5_completed') || procedureFinished(state)),
    stage('b5_completed', at('b5_completed') || renewedOnline(state)),
  ]
}

/** A required stage done means every required stage before it was done too. */
function fillDoneBackwards(facts: StageFacts[]): void {
  const last = facts.findLastIndex((f) => f.done && !f.optional)
  for (let i = 0; i < last; i++) {
    const f = facts[i]
    if (f && !f.optional) facts[i] = { ...f, done: true, failed: false }
  }
}

function screensOf(state: ContractWebState, stageState: StageState): ScreenView[] {
  if (stageState === 'done') return PROCEDURE_SCREENS.map((screen) => ({ screen, state: 'done' }))
  const { screen } = state.progress
  // Not yet on any screen but at this stage: the first screen is where the client lands.
  const at =
    screen === null ? (stageState === 'current' ? 0 : -1) : PROCEDURE_SCREENS.indexOf(screen)
  return PROCEDURE_SCREENS.map((s, i) => ({
    screen: s,
    state: i < at ? 'done' : i === at && stageState === 'current' ? 'current' : 'todo',
  }))
}

export function trackSteps(state: ContractWebState, now: Date): StepTrack {
  const facts = state.flow === 'A' ? flowAFacts(state) : flowBFacts(state, now)
  fillDoneBackwards(facts)
  const open = isOpenForRenewal(state.renewalStatus)
  // Required stages first; the optional one only once the renewal itself is through.
  const currentIndex = open
    ? (() => {
        const required = facts.findIndex((f) => !f.done && !f.optional)
        return required >= 0 ? required : facts.findIndex((f) => !f.done)
      })()
    : -1
  const stages = facts.map((f, i): StageView => {
    const stageState: StageState = f.done
      ? 'done'
      : f.failed
        ? 'failed'
        : i === currentIndex
          ? 'current'
          : 'todo'
    return {
      stage: f.stage,
      state: stageState,
      optional: f.optional,
      screens: f.procedure ? screensOf(state, stageState) : null,
    }
  })
  return { flow: state.flow, stages, current: stages[currentIndex] ?? null }
}
