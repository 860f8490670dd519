import { toJstIso } from '../../electron/common/domain/japan-time'
import type { DemoContract, MailEvent } from '../../demo-data/index'
import type { WireContract, WireMailState } from '../api-types'

const iso = (instant: number | null): string | null => (instant === null ? null : toJstIso(instant))

function mailState<S extends WireMailState['status']>(mail: MailEvent<S>): WireMailState {
  return {
    status: mail.status,
    sentAt: iso(mail.sentAt),
    deliveredAt: iso(mail.deliveredAt),
    failedAt: iso(mail.failedAt),
    failureReason: mail.failureReason,
  }
}

/**
 * The generator's contract (epoch ms, staff ids) as the API serves it (RFC 3339 with
 * +09:00, staff codes). `previous` lets a new version share the parts that cannot have
 * changed, which keeps the retained change feed small: the client's identity is the
 * bulk of a contract and only its email ever changes here.
 */
export function toWire(
  c: DemoContract,
  version: number,
  updatedAt: number,
  previous?: WireContract,
): WireContract {
  const samePolicyholder = previous !== undefined && previous.policyholder.email === c.client.email
  const { mail, progress } = c
  const fresh: WireContract = {
    policyNumber: c.policyNumber,
    version,
    flow: c.flow,
    policyholder: samePolicyholder
      ? previous.policyholder
      : {
          nameKanji: c.client.nameKanji,
          nameKana: c.client.nameKana,
          birthDate: c.client.birthDate,
          postcode: c.client.postcode,
          address: c.client.address,
          phone: c.client.phone,
          email: c.client.email,
        },
    namedInsured: previous?.namedInsured ?? { ...c.namedInsured },
    vehicleOwnerName: c.vehicleOwnerName,
    vehicle: previous?.vehicle ?? { ...c.vehicle },
    inceptionDate: c.inceptionDate,
    maturityDate: c.maturityDate,
    premiumYen: c.premiumYen,
    agentStaffCode: c.staffId,
    renewal: {
      status: c.renewalStatus,
      channel: c.renewalChannel,
      renewedPolicyNumber: c.renewedPolicyNumber,
      step: progress.step,
      stepReachedAt: iso(progress.stepReachedAt),
      screen: progress.screen,
      screenReachedAt: iso(progress.screenReachedAt),
      startedAt: iso(progress.startedAt),
      completedAt: iso(progress.completedAt),
      lastActivityAt: iso(progress.lastActivityAt),
    },
    credentials: {
      idMail: mailState(mail.idMail),
      passwordMail: mailState(mail.passwordMail),
      credentialsIssuedYear: mail.credentialsIssuedYear,
      firstLoginAt: iso(mail.firstLoginAt),
      tempPasswordChangedAt: iso(mail.tempPasswordChangedAt),
      passwordExpiredAt: iso(mail.passwordExpiredAt),
    },
    mypage: {
      status: mail.mypage.status,
      provisionalAt: iso(mail.mypage.provisionalAt),
      provisionalExpiresAt: iso(mail.mypage.provisionalExpiresAt),
      registeredAt: iso(mail.mypage.registeredAt),
      failedAt: iso(mail.mypage.failedAt),
      mismatchField: mail.mypage.mismatchField,
    },
    updatedAt: toJstIso(updatedAt),
  }
  if (previous === undefined) return fresh
  fresh.renewal = reuse(fresh.renewal, previous.renewal)
  fresh.mypage = reuse(fresh.mypage, previous.mypage)
  const idMail = reuse(fresh.credentials.idMail, previous.credentials.idMail)
  const passwordMail = reuse(fresh.credentials.passwordMail, previous.credentials.passwordMail)
  fresh.credentials = reuse({ ...fresh.credentials, idMail, passwordMail }, previous.credentials)
  return fresh
}

/**
 * The previous version's object when nothing in it changed, else the fresh one holding the
 * previous strings where they are equal. The feed keeps every version, so at a million
 * contracts this sharing is most of its memory.
 */
function reuse<T extends object>(fresh: T, previous: T): T {
  let same = true
  const merged = { ...fresh }
  for (const key of Object.keys(fresh) as Array<keyof T>) {
    if (fresh[key] === previous[key]) merged[key] = previous[key]
    else same = false
  }
  return same ? previous : merged
}
