import { describe, expect, it } from 'vitest'
import { CliError, parseCli } from '../../../demo-insurer/cli-args'

describe('demo insurer CLI flags', () => {
  it('maps every flag onto the options', () => {
    const { options, readyLine } = parseCli([
      '--port',
      '0',
      '--contracts',
      '5000',
      '--seed',
      '9',
      '--speed',
      '0',
      '--start',
      '2026-03-10T04:30:00+09:00',
      '--error-rate',
      '0.1',
      '--latency',
      '50',
      '--drop-rate',
      '0.05',
      '--rate-limit',
      '20',
      '--closed',
      '--token-ttl',
      '5',
      '--change-retention',
      '1000',
      '--ready-line',
    ])
    expect(options).toEqual({
      port: 0,
      contracts: 5000,
      seed: 9,
      speed: 0,
      startAt: Date.parse('2026-03-10T04:30:00+09:00'),
      changeRetention: 1000,
      faults: {
        errorRate: 0.1,
        latencyMs: 50,
        dropRate: 0.05,
        rateLimitPerSecond: 20,
        forcedClosure: true,
        tokenTtlSeconds: 5,
      },
    })
    expect(readyLine).toBe(true)
  })

  it('has defaults', () => {
    expect(parseCli([]).options).toEqual({ port: 8787, contracts: 3000, seed: 1, faults: {} })
  })

  it('names the bad flag', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--contracts', '50'], /--contracts/],
      [['--error-rate', '2'], /--error-rate/],
      [['--start', 'yesterday'], /--start/],
      [['--port', ''], /--port/],
      [['--nope'], /--nope/],
      [['positional'], /positional/],
    ]
    for (const [argv, message] of cases) {
      expect(() => parseCli(argv)).toThrow(CliError)
      expect(() => parseCli(argv)).toThrow(message)
    }
  })
})
