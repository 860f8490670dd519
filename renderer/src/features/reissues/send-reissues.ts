import type { Flow, ReissueKind } from '../../../../electron/common/domain/renewal'
import type { Api } from '../../api/client'
import { ApiCallError } from '../../api/client'
import { errorKeyOf, type ErrorKey } from '../../api/errors'

export interface ReissueTarget {
  id: number
  policyNumber: string
  clientName: string
  flow: Flow
}

export interface ReissueRequestPlan {
  kindFor: (flow: Flow) => ReissueKind
  reason: string
  /** Only for a single contract: the address to correct to before sending. */
  correctedEmail?: string
  requestedBy: string
}

export type ReissueOutcome =
  | { contractId: number; status: 'queued'; outboxId: number }
  /** Refused by a business rule (a duplicate within the window…): the core's own words. */
  | { contractId: number; status: 'refused'; message: string }
  | { contractId: number; status: 'error'; errorKey: ErrorKey }

/**
 * One reissues:request per contract, one after another (the core checks duplicates inside
 * its own transaction, and a burst would only queue behind the single writer anyway). A
 * refusal or failure of one contract never stops the others.
 */
export async function sendReissues(
  api: Api,
  targets: readonly ReissueTarget[],
  plan: ReissueRequestPlan,
): Promise<ReissueOutcome[]> {
  const outcomes: ReissueOutcome[] = []
  for (const target of targets) {
    try {
      const item = await api.reissues.request({
        contractId: target.id,
        kind: plan.kindFor(target.flow),
        reason: plan.reason,
        requestedBy: plan.requestedBy,
        ...(plan.correctedEmail ? { correctedEmail: plan.correctedEmail } : {}),
      })
      outcomes.push({ contractId: target.id, status: 'queued', outboxId: item.id })
    } catch (error) {
      if (error instanceof ApiCallError && error.error.code === 'request_refused') {
        outcomes.push({ contractId: target.id, status: 'refused', message: error.error.message })
      } else {
        outcomes.push({ contractId: target.id, status: 'error', errorKey: errorKeyOf(error) })
      }
    }
  }
  return outcomes
}

/** The core words refusals "日本語 / English": show the half in the screen's language. */
export function messageIn(message: string, language: string): string {
  const at = message.indexOf(' / ')
  if (at < 0) return message
  return language.startsWith('en') ? message.slice(at + 3) : message.slice(0, at)
}
