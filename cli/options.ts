import { InvalidArgumentError } from 'commander'
import { defaultDatabasePath } from '../electron/main/core/paths'

/**
 * Option parsers for commander. They throw InvalidArgumentError, which commander reports
 * as "option '--x' argument 'y' is invalid. <our message>", naming the option; program.ts
 * turns it into exit code 2 before anything is opened or written.
 */
export function integerOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      const range = `${min.toLocaleString('en-US')}〜${max.toLocaleString('en-US')}`
      throw new InvalidArgumentError(
        `${name} には ${range} の整数を指定してください / ${name} must be an integer from ` +
          `${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`,
      )
    }
    return parsed
  }
}

export function instantOption(name: string) {
  return (value: string): number => {
    const parsed = Date.parse(value)
    if (Number.isNaN(parsed)) {
      throw new InvalidArgumentError(
        `${name} には日時を指定してください（例: 2026-11-23T09:00:00+09:00） / ` +
          `${name} must be a date-time such as 2026-11-23T09:00:00+09:00`,
      )
    }
    return parsed
  }
}

export const DB_OPTION_HELP = `SQLite file (default: ${defaultDatabasePath()})`
