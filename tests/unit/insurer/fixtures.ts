import type { Contract, Reissue } from '../../../electron/main/core/insurer/wire'

/** A contract that passes the wire schema; the personal fields are obviously fake. */
export function sampleContract(policyNumber = 'P-0000001', version = 1): Contract {
  const mail = {
    status: 'not_sent' as const,
    sentAt: null,
    deliveredAt: null,
    failedAt: null,
    failureReason: null,
  }
  return {
    policyNumber,
    version,
    flow: 'A',
    policyholder: {
      nameKanji: '見本 太郎',
      nameKana: 'ミホン タロウ',
      birthDate: '1980-01-01',
      postcode: '100-0001',
      address: '東京都千代田区見本1-1',
      phone: '090-0000-0000',
      email: 'sample@example.invalid',
    },
    namedInsured: { name: '見本 太郎', kana: 'ミホン タロウ' },
    vehicleOwnerName: '見本 太郎',
    vehicle: { name: 'サンプル', plate: '品川 300 あ 00-00' },
    inceptionDate: '2026-04-01',
    maturityDate: '2027-04-01',
    premiumYen: 65_000,
    agentStaffCode: 'S001',
    renewal: {
      status: 'not_started',
      channel: null,
      renewedPolicyNumber: null,
      step: 'none',
      stepReachedAt: null,
      screen: null,
      screenReachedAt: null,
      startedAt: null,
      completedAt: null,
      lastActivityAt: null,
    },
    credentials: {
      idMail: mail,
      passwordMail: mail,
      credentialsIssuedYear: null,
      firstLoginAt: null,
      tempPasswordChangedAt: null,
      passwordExpiredAt: null,
    },
    mypage: {
      status: 'not_started',
      provisionalAt: null,
      provisionalExpiresAt: null,
      registeredAt: null,
      failedAt: null,
      mismatchField: null,
    },
    updatedAt: '2026-11-23T10:00:00+09:00',
  }
}

export function sampleReissue(id = 'R-1', policyNumber = 'P-0000001'): Reissue {
  return {
    id,
    policyNumber,
    kind: 'password',
    status: 'accepted',
    acceptedAt: '2026-11-23T10:00:00+09:00',
    completedAt: null,
    failureCode: null,
  }
}
