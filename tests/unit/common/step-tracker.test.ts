import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clientGuide } from '../../../electron/common/domain/client-guide'
import { stageLabel } from '../../../electron/common/domain/renewal-labels'
import { trackSteps, type StepTrack } from '../../../electron/common/domain/step-tracker'
import {
  anyNow,
  anyWebState,
  CALM_NOW,
  DAY,
  HOUR,
  jst,
  MINUTE,
  webState,
  type StatePatch,
} from './web-state-fixture'

const T0 = CALM_NOW.getTime()
const states = (track: StepTrack) => track.stages.map((s) => `${s.stage}:${s.state}`)
const track = (patch: StatePatch, now = CALM_NOW) => trackSteps(webState(patch), now)
const guide = (patch: StatePatch, lang: 'ja' | 'en' = 'ja', now = CALM_NOW) =>
  clientGuide(webState(patch), now, lang)

const delivered = { status: 'delivered', sentAt: T0 - HOUR, deliveredAt: T0 - HOUR } as const
const loggedIn: StatePatch['mail'] = {
  idMail: delivered,
  passwordMail: delivered,
  firstLoginAt: T0 - 30 * MINUTE,
  tempPasswordChangedAt: T0 - 29 * MINUTE,
}

describe('flow A (STEP①–⑤)', () => {
  it('not started: STEP① is current, STEP⑤ optional', () => {
    const t = track({ renewalStatus: 'not_started' })
    expect(states(t)).toEqual([
      'a1_credentials:current',
      'a2_login:todo',
      'a3_procedure:todo',
      'a4_completed:todo',
      'a5_mypage:todo',
    ])
    expect(t.stages.map((s) => s.optional)).toEqual([false, false, false, false, true])
    expect(guide({ renewalStatus: 'not_started' })).toContain('個人情報の取扱いについて')
  })

  it('mails on their way: STEP① current, the guide warns of the time lag', () => {
    const patch: StatePatch = {
      mail: { idMail: { status: 'sent', sentAt: T0 }, passwordMail: { status: 'not_sent' } },
      progress: { step: 'a1_credentials' },
    }
    expect(track(patch).current?.stage).toBe('a1_credentials')
    expect(guide(patch)).toContain('時間差')
  })

  it('both mails in hand: STEP① done, STEP② current (change the temporary password)', () => {
    const patch: StatePatch = {
      mail: { idMail: delivered, passwordMail: delivered },
      progress: { step: 'a1_credentials' },
    }
    expect(states(track(patch)).slice(0, 3)).toEqual([
      'a1_credentials:done',
      'a2_login:current',
      'a3_procedure:todo',
    ])
    expect(guide(patch)).toContain('仮パスワードを変更')
    expect(guide(patch, 'en')).toBe(
      'Log in from the ID mail link, then change the temporary password.',
    )
  })

  it('earlier-year credentials: the guide says to use the old password', () => {
    const patch: StatePatch = {
      mail: { idMail: delivered, passwordMail: { status: 'suppressed_existing' } },
      progress: { step: 'a1_credentials' },
    }
    expect(track(patch).current?.stage).toBe('a2_login')
    expect(guide(patch)).toContain('前回設定したもの')
  })

  it('a bounce fails STEP①, which stays where the client is', () => {
    const t = track({
      mail: { idMail: { status: 'bounced', failedAt: T0 } },
      progress: { step: 'a1_credentials' },
    })
    expect(t.current).toMatchObject({ stage: 'a1_credentials', state: 'failed' })
  })

  it('an unresolved password expiry fails STEP②', () => {
    const t = track({
      mail: {
        idMail: delivered,
        passwordMail: { status: 'suppressed_existing' },
        passwordExpiredAt: T0,
      },
      progress: { step: 'a2_login' },
    })
    expect(states(t).slice(0, 2)).toEqual(['a1_credentials:done', 'a2_login:failed'])
  })

  it('mid-procedure: the screens before are done, the current one is marked', () => {
    const patch: StatePatch = {
      mail: loggedIn,
      progress: { step: 'a3_procedure', screen: 'vehicle' },
    }
    const t = track(patch)
    expect(t.current?.stage).toBe('a3_procedure')
    expect(t.current?.screens?.map((s) => s.state)).toEqual([
      'done',
      'done',
      'current',
      'todo',
      'todo',
      'todo',
      'todo',
    ])
    expect(guide(patch)).toBe('「お車に関する情報」の画面です。')
    expect(guide(patch, 'en')).toBe('The client is on the "Vehicle information" screen.')
  })

  it('logged in but no screen yet: the first screen is where the client lands', () => {
    const t = track({ mail: loggedIn, progress: { step: 'a1_credentials' } })
    expect(t.current?.stage).toBe('a3_procedure')
    expect(t.current?.screens?.[0]).toEqual({ screen: 'select_contract', state: 'current' })
    expect(guide({ mail: loggedIn, progress: { step: 'a1_credentials' } })).toContain('お手続きへ')
  })

  it('renewed online: STEP①–④ done, optional STEP⑤ left to do, nothing current', () => {
    const t = track({
      renewalStatus: 'renewed',
      renewalChannel: 'web',
      mail: loggedIn,
      progress: { step: 'a4_completed', screen: 'formed' },
    })
    expect(states(t)).toEqual([
      'a1_credentials:done',
      'a2_login:done',
      'a3_procedure:done',
      'a4_completed:done',
      'a5_mypage:todo',
    ])
    expect(t.current).toBeNull()
    expect(t.stages[2]?.screens?.every((s) => s.state === 'done')).toBe(true)
  })

  it('renewed at the agency: the web stages stay where the client left them', () => {
    const patch: StatePatch = {
      renewalStatus: 'renewed',
      renewalChannel: 'agency',
      mail: { idMail: delivered, passwordMail: delivered },
      progress: { step: 'a1_credentials' },
    }
    expect(states(track(patch)).slice(0, 2)).toEqual(['a1_credentials:done', 'a2_login:todo'])
    expect(guide(patch)).toBe('代理店で更新済みです（Web手続きは不要）。')
  })

  it('MyPage already registered does not skip the renewal (STEP⑤ is not a milestone)', () => {
    const t = track({ mail: { mypage: { status: 'registered' } }, progress: { step: 'none' } })
    expect(t.current?.stage).toBe('a1_credentials')
    expect(t.stages[4]?.state).toBe('done')
  })
})

describe('flow B (MyPage, then Clickar)', () => {
  const expires = T0 + 20 * HOUR

  it('a mismatch fails sign-up and names the field', () => {
    const patch: StatePatch = {
      flow: 'B',
      mail: { mypage: { status: 'mismatch', mismatchField: 'address' } },
      progress: { step: 'b1_signup' },
    }
    expect(track(patch).current).toMatchObject({ stage: 'b1_signup', state: 'failed' })
    expect(guide(patch)).toBe('お客さま情報の住所がご契約と一致せず、登録できません。')
  })

  it('provisional: the guide gives the link expiry in Japan time; at expiry the stage fails', () => {
    const patch: StatePatch = {
      flow: 'B',
      mail: { mypage: { status: 'provisional', provisionalAt: T0, provisionalExpiresAt: expires } },
      progress: { step: 'b2_provisional' },
    }
    expect(states(track(patch)).slice(0, 2)).toEqual(['b1_signup:done', 'b2_provisional:current'])
    // 2027-03-01 12:00 JST + 20 h = 3/2 08:00 JST, whatever zone the PC is in.
    expect(guide(patch)).toContain('3/2 08:00までに本登録')
    expect(track(patch, new Date(expires - 1)).current?.state).toBe('current')
    expect(track(patch, new Date(expires)).current).toMatchObject({
      stage: 'b2_provisional',
      state: 'failed',
    })
  })

  it('registered in an earlier season: sign-up stages are done without having been passed', () => {
    const patch: StatePatch = {
      flow: 'B',
      mail: { mypage: { status: 'registered', registeredAt: T0 - 400 * DAY } },
      progress: { step: 'b4_procedure' },
    }
    expect(states(track(patch))).toEqual([
      'b1_signup:done',
      'b2_provisional:done',
      'b3_registered:done',
      'b4_procedure:current',
      'b5_completed:todo',
    ])
    expect(guide(patch)).toContain('「更新のお手続き」を押す')
  })

  it('stage labels exist in both languages', () => {
    expect(stageLabel('b2_provisional', 'ja')).toBe('仮登録')
    expect(stageLabel('a3_procedure', 'en')).toBe('STEP 3: Renewal procedure')
  })
})

describe('past the web cutoff', () => {
  it('the guide says the client can no longer renew online', () => {
    const now = jst('2027-03-31T10:00:00')
    expect(guide({ mail: loggedIn, progress: { step: 'a3_procedure' } }, 'ja', now)).toBe(
      'Web手続きの期限（3/30 23:55）を過ぎたため、お客さまの画面からは更新できません。代理店で手続きします。',
    )
  })
})

describe('properties over any state the schema allows', () => {
  it('five stages; done is a prefix of the required ones; one current stage while open', () => {
    fc.assert(
      fc.property(anyWebState, anyNow, (state, now) => {
        const t = trackSteps(state, now)
        expect(t.stages).toHaveLength(5)
        const required = t.stages.filter((s) => !s.optional)
        const firstNotDone = required.findIndex((s) => s.state !== 'done')
        if (firstNotDone >= 0) {
          expect(required.slice(firstNotDone).some((s) => s.state === 'done')).toBe(false)
        }
        const open = state.renewalStatus === 'not_started' || state.renewalStatus === 'in_progress'
        expect(t.stages.filter((s) => s.state === 'current').length).toBeLessThanOrEqual(1)
        if (!open) expect(t.current).toBeNull()
        if (open && t.stages.some((s) => s.state !== 'done')) {
          expect(t.current).not.toBeNull()
          expect(['current', 'failed']).toContain(t.current?.state)
        }
        for (const lang of ['ja', 'en'] as const) {
          expect(clientGuide(state, now, lang).length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 2000 },
    )
  })
})
