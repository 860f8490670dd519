import { describe, expect, it } from 'vitest'
import { checkInsurers } from '../../../electron/main/core/connection/insurer-status'
import { InsurerError } from '../../../electron/main/core/insurer/errors'

const now = () => new Date('2026-11-23T19:30:00Z') // 04:30 JST

const insurers = [
  { id: 'a', name: 'A損保', isDemo: true },
  { id: 'b', name: 'B損保', isDemo: false },
  { id: 'c', name: 'C損保', isDemo: false },
  { id: 'd', name: 'D損保', isDemo: false },
]

describe('checkInsurers', () => {
  it('reports each insurer in words the UI can show, without credentials', async () => {
    const closed = new InsurerError('site_closed', {
      operation: 'ping',
      reopensAt: new Date('2026-11-23T21:00:00Z'),
    })
    const status = await checkInsurers(
      insurers,
      [
        { insurerId: 'a', baseUrl: 'http://127.0.0.1:5555/', adapter: { ping: async () => {} } },
        {
          insurerId: 'b',
          baseUrl: 'https://api.example/v1',
          adapter: { ping: () => Promise.reject(closed) },
        },
        {
          insurerId: 'c',
          baseUrl: 'https://user:pw@api.example',
          adapter: {
            ping: () => Promise.reject(new InsurerError('offline', { operation: 'ping' })),
          },
        },
      ],
      now,
    )
    expect(status.insurers).toEqual([
      {
        id: 'a',
        name: 'A損保',
        isDemo: true,
        state: 'connected',
        checkedAt: '2026-11-24T04:30:00+09:00',
        reopensAt: null,
        endpoint: '127.0.0.1:5555',
      },
      {
        id: 'b',
        name: 'B損保',
        isDemo: false,
        state: 'site_closed',
        checkedAt: '2026-11-24T04:30:00+09:00',
        reopensAt: '2026-11-24T06:00:00+09:00',
        endpoint: 'api.example',
      },
      {
        id: 'c',
        name: 'C損保',
        isDemo: false,
        state: 'offline',
        checkedAt: '2026-11-24T04:30:00+09:00',
        reopensAt: null,
        endpoint: 'api.example',
      },
      {
        id: 'd',
        name: 'D損保',
        isDemo: false,
        state: 'not_configured',
        checkedAt: null,
        reopensAt: null,
        endpoint: null,
      },
    ])
    expect(JSON.stringify(status)).not.toContain('pw')
  })
})
