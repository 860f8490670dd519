import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  FLOW_A_STEPS,
  FLOW_B_STEPS,
  PROCEDURE_SCREENS,
} from '../../../electron/common/domain/renewal'
import {
  SEED_RULE_SET,
  webCutoff,
  webWindowOpens,
} from '../../../electron/common/domain/insurer-rules'
import type { RunningDemoInsurer } from '../../../demo-insurer/server'
import { Api, advanceBy, DAY, HOUR, readFeed, startTestInsurer, type FeedItem } from './harness'

const STEP_RANK = new Map<string, number>([
  ['none', 0],
  ...FLOW_A_STEPS.map((s, i): [string, number] => [s, i + 1]),
  ...FLOW_B_STEPS.map((s, i): [string, number] => [s, i + 1]),
])
const SCREEN_RANK = new Map<string, number>(
  PROCEDURE_SCREENS.map((s, i): [string, number] => [s, i]),
)

/** What may still happen after the web cutoff: the agency, the calendar, reissue answers. */
const AFTER_CUTOFF = new Set(['lapsed', 'mypage.expired', 'reissue.accepted', 'reissue.failed'])

interface Wire {
  policyNumber: string
  version: number
  maturityDate: string
  renewal: { status: string; step: string; screen: string | null; channel: string | null }
}

describe('demo insurer: simulation over 30 simulated days', () => {
  let insurer: RunningDemoInsurer
  let feed: FeedItem[]
  let initial: Map<string, Wire>
  beforeAll(async () => {
    insurer = await startTestInsurer()
    initial = new Map([...insurer.snapshot()].map((c) => [c.policyNumber, c as Wire]))
    advanceBy(insurer, 30 * DAY, 6 * HOUR)
    feed = (await readFeed(new Api(insurer))).items
  })
  afterAll(() => insurer.close())

  it('moves the book: web renewals, agency renewals, lapses, stuck states', () => {
    const count = (type: string, extra: (i: FeedItem) => boolean = () => true) =>
      feed.filter((i) => i.event?.type === type && extra(i)).length
    expect(count('renewal.completed', (i) => i.event?.channel === 'web')).toBeGreaterThan(50)
    expect(count('renewal.completed', (i) => i.event?.channel === 'agency')).toBeGreaterThan(5)
    expect(count('lapsed')).toBeGreaterThan(5)
    expect(count('id_mail.bounced') + count('password_mail.bounced')).toBeGreaterThan(0)
    expect(count('mypage.provisional')).toBeGreaterThan(10)
    expect(count('password_mail.suppressed')).toBeGreaterThan(0)
    expect(count('step.reached', (i) => i.event?.screen === 'quote_plan')).toBeGreaterThan(10)
  })

  it('never moves a contract backwards, and renewed/lapsed are final', () => {
    const last = new Map(initial)
    for (const item of feed) {
      if (item.kind !== 'contract.upsert' || !item.contract) continue
      const next = item.contract as unknown as Wire
      const prev = last.get(next.policyNumber)
      if (!prev) throw new Error(`upsert of an unknown contract ${next.policyNumber}`)
      const where = `${next.policyNumber} v${next.version}`
      expect(next.version, where).toBe(prev.version + 1)
      expect(STEP_RANK.get(next.renewal.step) ?? -1, where).toBeGreaterThanOrEqual(
        STEP_RANK.get(prev.renewal.step) ?? 0,
      )
      const screenBefore =
        prev.renewal.screen === null ? -1 : (SCREEN_RANK.get(prev.renewal.screen) ?? -1)
      const screenNow =
        next.renewal.screen === null ? -1 : (SCREEN_RANK.get(next.renewal.screen) ?? -1)
      expect(screenNow, where).toBeGreaterThanOrEqual(screenBefore)
      for (const final of ['renewed', 'lapsed', 'cancelled']) {
        if (prev.renewal.status === final) expect(next.renewal.status, where).toBe(final)
      }
      last.set(next.policyNumber, next)
    }
    // The feed replayed over the start equals the server's truth now.
    for (const c of insurer.snapshot()) expect(c).toMatchObject(last.get(c.policyNumber) ?? {})
  })

  it('does nothing on the web outside the window; after the cutoff only agency or calendar', () => {
    for (const item of feed) {
      if (item.kind !== 'event' || !item.event || !item.policyNumber) continue
      const contract = initial.get(item.policyNumber)
      if (!contract) throw new Error('event for an unknown contract')
      const at = Date.parse(item.occurredAt)
      const cutoff = webCutoff(contract.maturityDate, SEED_RULE_SET).getTime()
      const opens = webWindowOpens(contract.maturityDate, SEED_RULE_SET).getTime()
      const type = item.event.type
      const where = `${item.policyNumber} ${type} at ${item.occurredAt}`
      if (at >= cutoff) {
        const agency = type === 'renewal.completed' && item.event.channel === 'agency'
        expect(AFTER_CUTOFF.has(type) || agency, where).toBe(true)
      } else {
        expect(
          type === 'lapsed' || (type === 'renewal.completed' && item.event.channel === 'agency'),
          where,
        ).toBe(false)
      }
      if (type !== 'lapsed' && !type.startsWith('reissue.'))
        expect(at, where).toBeGreaterThanOrEqual(opens)
      if (type === 'lapsed') {
        // From the day after maturity (the maturity day itself is still covered).
        expect(at, where).toBeGreaterThanOrEqual(
          Date.parse(`${contract.maturityDate}T00:00:00+09:00`) + DAY,
        )
      }
    }
  })

  it('bounces for carrier filters only at carrier domains', () => {
    const carrier = /@(docomo\.ne\.jp|ezweb\.ne\.jp|au\.com|softbank\.ne\.jp|i\.softbank\.jp)$/
    const emails = new Map(
      [...insurer.snapshot()].map((c) => [c.policyNumber, c.policyholder.email ?? '']),
    )
    for (const item of feed) {
      if (item.event?.reason === 'carrier_filter')
        expect(emails.get(item.policyNumber ?? '')).toMatch(carrier)
    }
  })

  it('keeps the site hours: no client action between 04:00 and 06:00 JST', () => {
    const clientActions = new Set([
      'login',
      'temp_password.changed',
      'step.reached',
      'mypage.registered',
    ])
    for (const item of feed) {
      if (!item.event || !clientActions.has(item.event.type)) continue
      const hour = Number(item.occurredAt.slice(11, 13))
      expect(hour >= 4 && hour < 6, `${item.event.type} at ${item.occurredAt}`).toBe(false)
    }
  })
})

describe('demo insurer: determinism', () => {
  const servers: RunningDemoInsurer[] = []
  afterAll(() => Promise.all(servers.map((s) => s.close())))

  it('gives the identical feed for the same seed, startAt and advances — however chunked', async () => {
    for (let i = 0; i < 3; i++) servers.push(await startTestInsurer({ contracts: 500 }))
    const [a, b, c] = servers as [RunningDemoInsurer, RunningDemoInsurer, RunningDemoInsurer]
    advanceBy(a, 10 * DAY, 3 * HOUR)
    advanceBy(b, 10 * DAY, 3 * HOUR)
    advanceBy(c, 10 * DAY, 7 * HOUR + 13)
    const feeds = await Promise.all(
      servers.map(async (s) => JSON.stringify((await readFeed(new Api(s))).items)),
    )
    expect(feeds[0]?.length).toBeGreaterThan(1000)
    expect(feeds[1]).toBe(feeds[0])
    expect(feeds[2]).toBe(feeds[0])
  })

  it('gives another feed for another seed', async () => {
    const other = await startTestInsurer({ contracts: 500, seed: 8 })
    servers.push(other)
    advanceBy(other, 10 * DAY, 3 * HOUR)
    const mine = JSON.stringify((await readFeed(new Api(other))).items)
    const theirs = JSON.stringify((await readFeed(new Api(servers[0] as RunningDemoInsurer))).items)
    expect(mine).not.toBe(theirs)
  })
})
