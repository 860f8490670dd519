import type { Flow, ReissueKind } from '../../../../electron/common/domain/renewal'

/**
 * Which reissues each flow has (the core refuses any other: outbox/policy.ts
 * kindAppliesToFlow; tests/component/reissue-dialog.test.tsx keeps the two in step).
 * Flow A mails an ID and a password (seed 000); flow B only MyPage's provisional mail.
 */
export const KINDS_BY_FLOW: Record<Flow, readonly ReissueKind[]> = {
  A: ['password', 'id_mail'],
  B: ['mypage_registration_mail'],
}

/** What staff chose in the dialog's first step. */
export interface ReissueChoice {
  /** Flow B has a single kind; flow A contracts get this one. */
  kindA: ReissueKind
  reason: string
  email: string
}

export function kindFor(choice: Pick<ReissueChoice, 'kindA'>) {
  return (flow: Flow): ReissueKind => (flow === 'A' ? choice.kindA : 'mypage_registration_mail')
}
