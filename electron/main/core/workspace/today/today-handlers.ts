import type { Handlers } from '../../../../common/api/contract'
import type { DatabaseHandle } from '../../../../../db/connection'
import { AppError } from '../../api/app-error'
import { readCurrentStaff } from '../../session/session-handlers'
import type { ScopeOwner } from '../scope-sql'
import { countToday, listToday } from './list-today'

/** 今日の対応: the list is always relative to whoever is signed in at this PC. */
export function todayHandlers(
  database: DatabaseHandle,
  now: () => Date,
): Pick<Handlers, 'today:list' | 'today:counts'> {
  const signedIn = async (): Promise<ScopeOwner> => {
    const current = await readCurrentStaff(database.db)
    if (!current) {
      throw new AppError(
        'unauthorized',
        '担当者が選ばれていません。担当者を選んでから今日の対応を開いてください / nobody is signed in: choose a staff member, then open today’s list',
      )
    }
    return { staffId: current.id, branchId: current.branchId }
  }
  return {
    'today:list': async (input) => listToday(database.sqlite, input, await signedIn(), now()),
    'today:counts': async () => countToday(database.sqlite, await signedIn(), now()),
  }
}
