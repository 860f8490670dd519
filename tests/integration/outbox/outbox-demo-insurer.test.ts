import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { InsurerAdapter } from '../../../electron/main/core/insurer/adapter'
import { InsurerError } from '../../../electron/main/core/insurer/errors'
import { setLogSink } from '../../../electron/main/core/logger'
import { enqueueReissue } from '../../../electron/main/core/outbox/enqueue-reissue'
import { OutboxError } from '../../../electron/main/core/outbox/errors'
import { listOutbox } from '../../../electron/main/core/outbox/list-outbox'
import { recoverOutbox } from '../../../electron/main/core/outbox/recover-outbox'
import {
  acceptedByKey,
  contractWhere,
  HOUR,
  kindFor,
  liveContracts,
  MINUTE,
  outboxRows,
  STAFF,
  startOutboxWorld,
  type OutboxWorld,
} from './harness'

/**
 * The outbox against the real demo insurer over loopback: requests queued through closures,
 * outages and dropped connections are all accepted exactly once when it comes back.
 */
const logLines: string[] = []
beforeAll(() => setLogSink((line) => logLines.push(line)))
afterAll(() => setLogSink((line) => process.stderr.write(`${line}\n`)))

let world: OutboxWorld
afterEach(async () => {
  await world.close()
})

describe('outbox × demo insurer', () => {
  it('keeps requests through a closure, an outage and dropped connections, then sends each exactly once', async () => {
    world = await startOutboxWorld({ contracts: 300, seed: 11 })
    const { server, clock } = world
    const live = liveContracts(world.database)
    const withEmail = live.filter((c) => c.hasEmail)
    const targets = [
      ...withEmail.filter((c) => c.flow === 'A').slice(0, 6),
      ...withEmail.filter((c) => c.flow === 'B').slice(0, 3),
    ]
    expect(targets).toHaveLength(9)
    const queued = []
    for (const [i, c] of targets.entries()) {
      queued.push(
        await enqueueReissue(
          world.database,
          {
            contractId: c.id,
            kind: kindFor(c.flow),
            reason: 'メール未着のため',
            requestedBy: STAFF,
            ...(i % 3 === 0 ? { correctedEmail: `fixed${i}@example.jp` } : {}),
          },
          clock.now,
        ),
      )
    }
    // A second request of another kind for the first flow-A contract: sent after the first.
    const firstA = targets[0]!
    queued.push(
      await enqueueReissue(
        world.database,
        { contractId: firstA.id, kind: 'id_mail', reason: 'IDも再送', requestedBy: STAFF },
        clock.now,
      ),
    )

    // The book has two insurers (both served by the demo server); each is paused on its own.
    const insurers = (
      world.database.sqlite.prepare('SELECT DISTINCT insurer_id FROM contracts').all() as unknown[]
    ).length
    expect(insurers).toBe(2)

    // Forced closure: site_closed, queued until it reopens; one call per insurer, then it waits.
    server.setFaults({ forcedClosure: true })
    const closed = await world.drain()
    expect(closed).toMatchObject({ sent: insurers, requeued: insurers, accepted: 0 })
    expect(closed.pausedInsurers.map((p) => p.code)).toEqual(['site_closed', 'site_closed'])
    const afterClosure = outboxRows(world.database)
    expect(afterClosure.every((r) => r.state === 'queued')).toBe(true)

    // Total outage (every request 5xx), then every connection dropped.
    // Steps of minutes here: the token from before stays valid, so the POST itself is dropped
    // (outcome_unknown) rather than the token request (offline).
    server.setFaults({ forcedClosure: false, errorRate: 1 })
    clock.now += 5 * MINUTE
    expect(await world.drain()).toMatchObject({ accepted: 0, requeued: insurers })
    server.setFaults({ errorRate: 0, dropRate: 1 })
    clock.now += 5 * MINUTE
    expect(await world.drain()).toMatchObject({ accepted: 0, outcomeUnknown: insurers })
    expect(server.acceptedReissues()).toHaveLength(0)

    // Back up, but the first answers are lost on the way back (the insurer did accept).
    server.setFaults({ dropRate: 0 })
    const lostKeys: string[] = []
    const lossy: InsurerAdapter = {
      ...world.adapter,
      requestReissue: async (policyNumber, request, key) => {
        const reissue = await world.adapter.requestReissue(policyNumber, request, key)
        if (lostKeys.length < 3) {
          lostKeys.push(key)
          throw new InsurerError('outcome_unknown', { operation: 'requestReissue' })
        }
        return reissue
      },
    }
    // Recovery in between, as after a restart: nothing is left in 'sending'.
    expect(await recoverOutbox(world.database, clock.now)).toBe(0)
    for (let run = 0; run < 20; run++) {
      clock.now += HOUR
      await world.drain(lossy)
      if ((await listOutbox(world.database)).counts.pending === 0) break
    }

    const rows = outboxRows(world.database)
    expect(rows.map((r) => r.state)).toEqual(rows.map(() => 'accepted'))
    const byKey = acceptedByKey(server)
    for (const r of rows) expect(byKey.get(r.idempotency_key)).toBe(1)
    expect(server.acceptedReissues()).toHaveLength(queued.length)
    const remoteIds = new Map(server.acceptedReissues().map((r) => [r.idempotencyKey, r.id]))
    for (const r of rows) expect(r.remote_reissue_id).toBe(remoteIds.get(r.idempotency_key))
    // The lost answers were sent again, under the same key, and answered with the original.
    expect(lostKeys).toHaveLength(3)
    for (const key of lostKeys) expect(byKey.get(key)).toBe(1)
    // A contract's requests reached the insurer in the order staff made them.
    const sentOrder = server
      .acceptedReissues()
      .filter((r) => r.policyNumber === firstA.policyNumber)
    expect(sentOrder.map((r) => r.kind)).toEqual(['password', 'id_mail'])

    expect(logLines.join('\n')).not.toMatch(/@|メール未着/)
  })

  it('refuses renewed contracts and wrong kinds up front; an insurer refusal blocks nothing', async () => {
    world = await startOutboxWorld({ contracts: 300, seed: 12 })
    const { server, clock, database } = world
    const renewed = contractWhere(database, `renewal_status = 'renewed' AND deleted_at IS NULL`)
    expect(renewed).toBeDefined()
    await expect(
      enqueueReissue(
        database,
        { contractId: renewed!, kind: 'id_mail', reason: 'x', requestedBy: STAFF },
        clock.now,
      ),
    ).rejects.toMatchObject({ code: 'not_applicable' })
    const live = liveContracts(database)
    const flowA = live.find((c) => c.flow === 'A' && c.hasEmail)!
    const wrong = await enqueueReissue(
      database,
      { contractId: flowA.id, kind: 'mypage_registration_mail', reason: 'x', requestedBy: STAFF },
      clock.now,
    ).catch((e: unknown) => e)
    expect(wrong).toBeInstanceOf(OutboxError)
    expect((wrong as OutboxError).code).toBe('not_applicable')

    // No address on file and none given: the insurer refuses (422 reissue_not_allowed).
    const noEmail = live.find((c) => !c.hasEmail)
    expect(noEmail).toBeDefined()
    const refused = await enqueueReissue(
      database,
      { contractId: noEmail!.id, kind: kindFor(noEmail!.flow), reason: 'x', requestedBy: STAFF },
      clock.now,
    )
    const others = live.filter((c) => c.hasEmail && c.id !== noEmail!.id).slice(0, 4)
    for (const c of others)
      await enqueueReissue(
        database,
        { contractId: c.id, kind: kindFor(c.flow), reason: 'x', requestedBy: STAFF },
        clock.now,
      )
    const summary = await world.drain()
    expect(summary).toMatchObject({ sent: 5, failed: 1, accepted: 4, pausedInsurers: [] })
    const failed = outboxRows(database).find((r) => r.id === refused.id)!
    expect(failed.state).toBe('failed')
    const listed = (await listOutbox(database, { states: ['failed'] })).items[0]!
    expect(listed.lastErrorCode).toBe('reissue_not_allowed')
    expect(listed.lastErrorMessage).toContain('メールアドレス')
    expect(server.acceptedReissues()).toHaveLength(4)
  })
})
