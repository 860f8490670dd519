import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { Session, StaffMember } from '../../../../electron/common/api/contract'
import { useApi } from '../../api/ApiProvider'

export const SESSION_KEY = ['session'] as const

export function useSession() {
  const api = useApi()
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => api.session.get({}) })
}

/** The signed-in staff member; only screens behind the sign-in gate call this. */
export function useCurrentStaff(): StaffMember {
  const current = useSession().data?.current
  if (!current) throw new Error('useCurrentStaff: nobody is signed in (render behind SignInGate)')
  return current
}

export function useSignIn() {
  const api = useApi()
  const queryClient = useQueryClient()
  const store = (session: Session) => queryClient.setQueryData(SESSION_KEY, session)
  return {
    signIn: async (staffId: string) => store(await api.session.signIn({ staffId })),
    signOut: async () => store(await api.session.signOut({})),
  }
}
