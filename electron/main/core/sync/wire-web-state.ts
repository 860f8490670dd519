import type { ContractWebState } from '../../../common/domain/contract-web-state'
import { InsurerError } from '../insurer/errors'
import type { Contract } from '../insurer/wire'

/** RFC 3339 → epoch ms; the wire schema already checked the format. */
function ms(instant: string | null): number | null {
  return instant === null ? null : Date.parse(instant)
}

/** The wire contract as the domain sees it: the values the child rows and schedule store. */
export function wireWebState(c: Contract, webCutoffAt: number): ContractWebState {
  const { idMail, passwordMail, credentialsIssuedYear } = c.credentials
  if (idMail.status === 'suppressed_existing') {
    // Only the password mail can be suppressed; the table's CHECK would reject it anyway.
    throw new InsurerError('invalid_response', {
      operation: 'applyContract',
      path: ['credentials', 'idMail', 'status'],
    })
  }
  const instants = (m: typeof passwordMail) => ({
    sentAt: ms(m.sentAt),
    deliveredAt: ms(m.deliveredAt),
    failedAt: ms(m.failedAt),
    failureReason: m.failureReason,
  })
  const { mypage, renewal } = c
  return {
    flow: c.flow,
    renewalStatus: renewal.status,
    renewalChannel: renewal.channel,
    maturityDate: c.maturityDate,
    webCutoffAt,
    mail: {
      idMail: { status: idMail.status, ...instants(idMail) },
      passwordMail: { status: passwordMail.status, ...instants(passwordMail) },
      credentialsIssuedYear,
      firstLoginAt: ms(c.credentials.firstLoginAt),
      tempPasswordChangedAt: ms(c.credentials.tempPasswordChangedAt),
      passwordExpiredAt: ms(c.credentials.passwordExpiredAt),
      mypage: {
        status: mypage.status,
        provisionalAt: ms(mypage.provisionalAt),
        provisionalExpiresAt: ms(mypage.provisionalExpiresAt),
        registeredAt: ms(mypage.registeredAt),
        failedAt: ms(mypage.failedAt),
        mismatchField: mypage.mismatchField,
      },
    },
    progress: {
      step: renewal.step,
      stepReachedAt: ms(renewal.stepReachedAt),
      screen: renewal.screen,
      screenReachedAt: ms(renewal.screenReachedAt),
      startedAt: ms(renewal.startedAt),
      completedAt: ms(renewal.completedAt),
      lastActivityAt: ms(renewal.lastActivityAt),
    },
  }
}
