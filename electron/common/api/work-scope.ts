import { z } from 'zod'

/**
 * Whose contracts a workspace list shows (today's list, triage): mine = in my charge,
 * branch = my branch's, all = the whole book.
 */
export const WORK_SCOPES = ['mine', 'branch', 'all'] as const
export const WorkScope = z.enum(WORK_SCOPES)
export type WorkScope = z.infer<typeof WorkScope>

/** Managers look after their branch; staff start with their own contracts. */
export function defaultWorkScope(role: 'staff' | 'manager' | undefined): WorkScope {
  return role === 'manager' ? 'branch' : 'mine'
}
