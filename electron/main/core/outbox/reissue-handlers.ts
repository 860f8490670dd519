import type { Handlers, OutboxItem } from '../../../common/api/contract'
import { toJstIso } from '../../../common/domain/japan-time'
import type { DatabaseHandle } from '../../../../db/connection'
import { AppError } from '../api/app-error'
import { cancelReissue } from './cancel-reissue'
import { enqueueReissue } from './enqueue-reissue'
import { OutboxError } from './errors'
import { listOutbox, type OutboxListItem } from './list-outbox'

function toItem(item: OutboxListItem): OutboxItem {
  return {
    id: item.id,
    contractId: item.contractId,
    policyNumber: item.policyNumber,
    kind: item.kind,
    state: item.state,
    attempts: item.attempts,
    requestedAt: toJstIso(item.requestedAt),
    nextAttemptAt: item.nextAttemptAt === null ? null : toJstIso(item.nextAttemptAt),
    emailCorrected: item.emailCorrected,
    lastErrorCode: item.lastErrorCode,
    lastErrorMessage: item.lastErrorMessage,
  }
}

/** A refusal by the outbox's rules reaches the UI as request_refused with its own words. */
async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof OutboxError) throw new AppError('request_refused', error.message)
    throw error
  }
}

/** The contract's reissue methods, over the outbox. */
export function reissueHandlers(
  database: DatabaseHandle,
  now: () => Date,
): Pick<Handlers, 'reissues:request' | 'reissues:cancel' | 'reissues:list'> {
  const one = async (contractId: number, outboxId: number) => {
    const { items } = await listOutbox(database, { contractId, limit: 1000 })
    const item = items.find((i) => i.id === outboxId)
    if (!item) throw new AppError('internal', 'the queued request could not be read back')
    return toItem(item)
  }
  return {
    'reissues:request': (input) =>
      refusing(async () => {
        const row = await enqueueReissue(database, input, now().getTime())
        return one(row.contract_id, row.id)
      }),
    'reissues:cancel': (input) =>
      refusing(async () => {
        await cancelReissue(
          database,
          { outboxId: input.outboxId, cancelledBy: input.cancelledBy },
          now().getTime(),
        )
        return { outboxId: input.outboxId }
      }),
    'reissues:list': async (input) => {
      const { items, counts } = await listOutbox(database, {
        ...(input.contractId === undefined ? {} : { contractId: input.contractId }),
        limit: input.limit,
      })
      return { items: items.map(toItem), pending: counts.pending, total: counts.total }
    },
  }
}
