import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { StepTracker } from '../../renderer/src/features/detail/StepTracker'
import { at, CALM_NOW, HOUR } from '../unit/common/web-state-fixture'
import { trackOf } from './detail-fixture'
import { render } from './render'

const delivered = (hoursAgo: number) => ({
  status: 'delivered' as const,
  sentAt: CALM_NOW.getTime() - hoursAgo * HOUR,
  deliveredAt: CALM_NOW.getTime() - hoursAgo * HOUR,
})

/** [stage, data-state, visible state word] for each stage, top to bottom. */
function stages() {
  return screen
    .getAllByTestId('step-stage')
    .map((li) => [
      li.dataset.stage,
      li.dataset.state,
      within(li).getByTestId('step-state').textContent,
    ])
}

describe('step tracker, flow A', () => {
  it('shows STEP① and ② done and the current screen of STEP③, in words as well as colour', () => {
    const track = trackOf(
      {
        mail: {
          idMail: delivered(30),
          passwordMail: delivered(30),
          firstLoginAt: at('2027-03-01T09:00:00'),
          tempPasswordChangedAt: at('2027-03-01T09:01:00'),
        },
        progress: { step: 'a3_procedure', screen: 'vehicle' },
      },
      CALM_NOW,
    )
    render(<StepTracker track={track} />)
    expect(stages()).toEqual([
      ['a1_credentials', 'done', '完了'],
      ['a2_login', 'done', '完了'],
      ['a3_procedure', 'current', '現在ここ'],
      ['a4_completed', 'todo', '未'],
      ['a5_mypage', 'todo', '未'],
    ])
    expect(screen.getByText('STEP③ 更新お手続き')).toBeTruthy()
    expect(screen.getByText('（任意）')).toBeTruthy()
    const screens = screen.getAllByTestId('step-screen')
    expect(screens.map((s) => s.dataset.state)).toEqual([
      'done',
      'done',
      'current',
      'todo',
      'todo',
      'todo',
      'todo',
    ])
    const current = screens[2]!
    expect(current.getAttribute('aria-current')).toBe('step')
    expect(current.textContent).toContain('お車に関する情報')
    expect(current.textContent).toContain('現在ここ')
    expect(screen.getAllByTestId('step-stage')[2]!.getAttribute('aria-current')).toBe('step')
  })

  it('marks STEP① failed when the mails bounced', () => {
    const track = trackOf(
      {
        mail: {
          idMail: {
            status: 'bounced',
            sentAt: at('2027-02-28T10:00:00'),
            failedAt: at('2027-02-28T10:01:00'),
            failureReason: 'carrier_filter',
          },
        },
        progress: { step: 'a1_credentials' },
      },
      CALM_NOW,
    )
    render(<StepTracker track={track} />)
    expect(stages()[0]).toEqual(['a1_credentials', 'failed', 'つまずき'])
    expect(
      stages()
        .slice(1)
        .every(([, state]) => state === 'todo'),
    ).toBe(true)
    // STEP③'s screens are only listed once the client gets there.
    expect(screen.queryByTestId('step-screens')).toBeNull()
  })
})

describe('step tracker, flow B', () => {
  it('shows an expired provisional registration as failed after a done sign-up', () => {
    const track = trackOf(
      {
        flow: 'B',
        mail: {
          mypage: {
            status: 'expired',
            provisionalAt: at('2027-02-26T10:00:00'),
            provisionalExpiresAt: at('2027-02-27T10:00:00'),
          },
        },
        progress: { step: 'b2_provisional' },
      },
      CALM_NOW,
    )
    render(<StepTracker track={track} />)
    expect(screen.getByTestId('step-tracker').dataset.flow).toBe('B')
    expect(stages()).toEqual([
      ['b1_signup', 'done', '完了'],
      ['b2_provisional', 'failed', 'つまずき'],
      ['b3_registered', 'todo', '未'],
      ['b4_procedure', 'todo', '未'],
      ['b5_completed', 'todo', '未'],
    ])
    expect(screen.getByText('マイページ登録＋Clickar方式')).toBeTruthy()
  })

  it('after registration, follows the Clickar screens and reads in English too', () => {
    const track = trackOf(
      {
        flow: 'B',
        mail: { mypage: { status: 'registered', registeredAt: at('2027-02-20T10:00:00') } },
        progress: { step: 'b4_procedure', screen: 'quote_plan' },
      },
      CALM_NOW,
    )
    render(<StepTracker track={track} />, { language: 'en' })
    expect(stages()).toEqual([
      ['b1_signup', 'done', 'Done'],
      ['b2_provisional', 'done', 'Done'],
      ['b3_registered', 'done', 'Done'],
      ['b4_procedure', 'current', 'Here now'],
      ['b5_completed', 'todo', 'Not yet'],
    ])
    const current = screen.getAllByTestId('step-screen').find((s) => s.dataset.state === 'current')
    expect(current?.textContent).toContain('Quote and plan')
  })
})
