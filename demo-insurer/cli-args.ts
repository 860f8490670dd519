import { parseArgs } from 'node:util'
import type { Faults } from './faults'
import type { DemoInsurerOptions } from './server'

export const USAGE = `Usage: npm run demo-insurer -- [--port P] [--contracts N] [--seed S] [--speed X]
  [--start ISO] [--error-rate R] [--latency MS] [--drop-rate R] [--rate-limit N] [--closed]
  [--token-ttl S] [--change-retention N] [--ready-line]`

export interface CliOptions {
  options: DemoInsurerOptions
  /** Print one machine-readable line once listening (the app's launcher waits for it). */
  readyLine: boolean
}

/** A flag the user got wrong; the message names it. */
export class CliError extends Error {}

/** Parses the CLI flags into startDemoInsurer options; throws CliError naming the bad flag. */
export function parseCli(argv: string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        contracts: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        start: { type: 'string' },
        'error-rate': { type: 'string' },
        latency: { type: 'string' },
        'drop-rate': { type: 'string' },
        'rate-limit': { type: 'string' },
        closed: { type: 'boolean' },
        'token-ttl': { type: 'string' },
        'change-retention': { type: 'string' },
        'ready-line': { type: 'boolean' },
      },
    }).values
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error))
  }
  const text = (flag: string) => {
    const value = values[flag]
    return typeof value === 'string' ? value : undefined
  }
  const num = (flag: string, check: (n: number) => boolean, what: string): number | undefined => {
    const raw = text(flag)
    if (raw === undefined) return undefined
    const n = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(n) || !check(n))
      throw new CliError(`--${flag} must be ${what} (got "${raw}")`)
    return n
  }
  const int = (lo: number, hi: number) => (n: number) => Number.isInteger(n) && n >= lo && n <= hi
  const ratio = (n: number) => n >= 0 && n <= 1

  const startText = text('start')
  const startAt = startText === undefined ? undefined : Date.parse(startText)
  if (startAt !== undefined && Number.isNaN(startAt)) {
    throw new CliError(
      `--start must be an ISO 8601 date-time, e.g. 2026-03-10T10:00:00+09:00 (got "${startText}")`,
    )
  }

  const faults: Partial<Faults> = {}
  const errorRate = num('error-rate', ratio, 'a number from 0 to 1')
  if (errorRate !== undefined) faults.errorRate = errorRate
  const latency = num('latency', int(0, 60_000), 'an integer from 0 to 60000 (ms)')
  if (latency !== undefined) faults.latencyMs = latency
  const dropRate = num('drop-rate', ratio, 'a number from 0 to 1')
  if (dropRate !== undefined) faults.dropRate = dropRate
  const rateLimit = num(
    'rate-limit',
    (n) => n > 0 && n <= 100_000,
    'a number above 0 (requests per second)',
  )
  if (rateLimit !== undefined) faults.rateLimitPerSecond = rateLimit
  if (values.closed === true) faults.forcedClosure = true
  const ttl = num('token-ttl', int(1, 86_400), 'an integer from 1 to 86400 (seconds)')
  if (ttl !== undefined) faults.tokenTtlSeconds = ttl

  const options: DemoInsurerOptions = {
    port: num('port', int(0, 65_535), 'an integer from 0 to 65535') ?? 8787,
    contracts: num('contracts', int(100, 1_000_000), 'an integer from 100 to 1000000') ?? 3000,
    seed: num('seed', Number.isSafeInteger, 'an integer') ?? 1,
    faults,
  }
  const speed = num('speed', (n) => n >= 0 && n <= 1_000_000, 'a number from 0 to 1000000')
  if (speed !== undefined) options.speed = speed
  if (startAt !== undefined) options.startAt = startAt
  const retention = num('change-retention', int(1, 50_000_000), 'a positive integer')
  if (retention !== undefined) options.changeRetention = retention
  return { options, readyLine: values['ready-line'] === true }
}
