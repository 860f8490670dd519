import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  MAIL_FILTERS,
  OUTBOX_FILTERS,
  STAFF_ME,
} from '../../../../../electron/common/api/contract-filters'
import { URGENCY_BUCKETS } from '../../../../../electron/common/domain/insurer-rules'
import {
  FLOWS,
  MYPAGE_STATUSES,
  RENEWAL_STEPS,
} from '../../../../../electron/common/domain/renewal'
import { useAppInfo } from '../../../shell/use-app-info'
import { useSession } from '../../session/use-session'

export interface Option {
  value: string
  label: string
}

/** Choices of every filter, labelled in the UI language; ids come from the book itself. */
export function useFilterOptions() {
  const { t } = useTranslation()
  const info = useAppInfo().data
  const session = useSession().data
  return useMemo(() => {
    const staff = session?.staff ?? []
    const branches = new Map(staff.map((s) => [s.branchId, s.branchName]))
    return {
      insurer: (info?.insurers ?? []).map((i): Option => ({ value: i.id, label: i.name })),
      branch: [...branches].map(([value, label]): Option => ({ value, label })),
      staff: [
        { value: STAFF_ME, label: t('contractFilters.me') },
        ...staff.map((s): Option => ({ value: s.id, label: s.name })),
      ],
      urgency: URGENCY_BUCKETS.map((b): Option => ({ value: b, label: t(`urgency.${b}`) })),
      flow: FLOWS.map((f): Option => ({ value: f, label: `${f}: ${t(`flows.${f}`)}` })),
      step: RENEWAL_STEPS.map((s): Option => ({ value: s, label: t(`steps.${s}`) })),
      mail: MAIL_FILTERS.map((m): Option => ({
        value: m,
        label: t(`contractFilters.mailStates.${m}`),
      })),
      registration: MYPAGE_STATUSES.map((m): Option => ({
        value: m,
        label: t(`contractFilters.registrationStates.${m}`),
      })),
      outbox: OUTBOX_FILTERS.map((o): Option => ({
        value: o,
        label: t(`contractFilters.outboxStates.${o}`),
      })),
    }
  }, [info, session, t])
}
