import fc from 'fast-check'
import type {
  ContractWebState,
  CredentialMailState,
  MypageState,
  RenewalProgressState,
} from '../../../electron/common/domain/contract-web-state'
import { SEED_RULE_SET, webCutoff } from '../../../electron/common/domain/insurer-rules'
import {
  BOUNCE_REASONS,
  FLOWS,
  MAIL_STATUSES,
  MISMATCH_FIELDS,
  MYPAGE_STATUSES,
  PASSWORD_MAIL_STATUSES,
  PROCEDURE_SCREENS,
  RENEWAL_CHANNELS,
  RENEWAL_STATUSES,
  RENEWAL_STEPS,
} from '../../../electron/common/domain/renewal'

/** Instants written as Japan wall-clock time, whatever zone the test run uses. */
export const jst = (wallClock: string): Date => new Date(`${wallClock}+09:00`)
export const at = (wallClock: string): number => jst(wallClock).getTime()

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** Maturity 2027-04-01 → web cutoff 2027-03-30 23:55 JST (seed rule). */
export const MATURITY = '2027-04-01'
export const CUTOFF = webCutoff(MATURITY, SEED_RULE_SET).getTime()
/** A month before the cutoff: no deadline reason yet, so only the client's state speaks. */
export const CALM_NOW = jst('2027-03-01T12:00:00')

export interface StatePatch {
  flow?: ContractWebState['flow']
  renewalStatus?: ContractWebState['renewalStatus']
  renewalChannel?: ContractWebState['renewalChannel']
  maturityDate?: string
  webCutoffAt?: number
  mail?: Partial<Omit<CredentialMailState, 'idMail' | 'passwordMail' | 'mypage'>> & {
    idMail?: Partial<CredentialMailState['idMail']>
    passwordMail?: Partial<CredentialMailState['passwordMail']>
    mypage?: Partial<MypageState>
  }
  progress?: Partial<RenewalProgressState>
}

const noMail = { sentAt: null, deliveredAt: null, failedAt: null, failureReason: null }

/** A flow-A contract nobody has touched, maturing 2027-04-01, with the patch applied. */
export function webState(patch: StatePatch = {}): ContractWebState {
  const { mail = {}, progress = {}, ...top } = patch
  const { idMail = {}, passwordMail = {}, mypage = {}, ...mailTop } = mail
  return {
    flow: 'A',
    renewalStatus: 'in_progress',
    renewalChannel: null,
    maturityDate: MATURITY,
    webCutoffAt: CUTOFF,
    ...top,
    mail: {
      idMail: { status: 'not_sent', ...noMail, ...idMail },
      passwordMail: { status: 'not_sent', ...noMail, ...passwordMail },
      credentialsIssuedYear: null,
      firstLoginAt: null,
      tempPasswordChangedAt: null,
      passwordExpiredAt: null,
      ...mailTop,
      mypage: {
        status: 'not_started',
        provisionalAt: null,
        provisionalExpiresAt: null,
        registeredAt: null,
        failedAt: null,
        mismatchField: null,
        ...mypage,
      },
    },
    progress: {
      step: 'none',
      stepReachedAt: null,
      screen: null,
      screenReachedAt: null,
      startedAt: null,
      completedAt: null,
      lastActivityAt: null,
      ...progress,
    },
  }
}

/** Instants around 2027-03-01, the window every scenario here lives in; half of them unset. */
const instant = fc.option(
  fc.integer({ min: at('2027-01-01T00:00:00'), max: at('2027-05-01T00:00:00') }),
  { freq: 2 },
)

const mailEvent = <S extends string>(statuses: readonly S[]) =>
  fc.record({
    status: fc.constantFrom(...statuses),
    sentAt: instant,
    deliveredAt: instant,
    failedAt: instant,
    failureReason: fc.option(fc.constantFrom(...BOUNCE_REASONS)),
  })

/** Any combination the schema allows, consistent or not: the rules must never trip on data. */
export const anyWebState: fc.Arbitrary<ContractWebState> = fc
  .record({
    flow: fc.constantFrom(...FLOWS),
    renewalStatus: fc.constantFrom(...RENEWAL_STATUSES),
    renewalChannel: fc.option(fc.constantFrom(...RENEWAL_CHANNELS)),
    maturityDate: fc.constantFrom('2027-03-05', '2027-03-20', MATURITY, '2027-04-30'),
    webCutoffAt: fc.constant(0),
    mail: fc.record({
      idMail: mailEvent(MAIL_STATUSES),
      passwordMail: mailEvent(PASSWORD_MAIL_STATUSES),
      credentialsIssuedYear: fc.option(fc.integer({ min: 2020, max: 2027 })),
      firstLoginAt: instant,
      tempPasswordChangedAt: instant,
      passwordExpiredAt: instant,
      mypage: fc.record({
        status: fc.constantFrom(...MYPAGE_STATUSES),
        provisionalAt: instant,
        provisionalExpiresAt: instant,
        registeredAt: instant,
        failedAt: instant,
        mismatchField: fc.option(fc.constantFrom(...MISMATCH_FIELDS)),
      }),
    }),
    progress: fc.record({
      step: fc.constantFrom(...RENEWAL_STEPS),
      stepReachedAt: instant,
      screen: fc.option(fc.constantFrom(...PROCEDURE_SCREENS)),
      screenReachedAt: instant,
      startedAt: instant,
      completedAt: instant,
      lastActivityAt: instant,
    }),
  })
  .map((s) => ({ ...s, webCutoffAt: webCutoff(s.maturityDate, SEED_RULE_SET).getTime() }))

export const anyNow: fc.Arbitrary<Date> = fc
  .integer({ min: at('2027-02-01T00:00:00'), max: at('2027-04-10T00:00:00') })
  .map((ms) => new Date(ms))
