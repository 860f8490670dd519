import type { DemoOptions } from './types'

export const MIN_DEMO_CONTRACTS = 100
export const MAX_DEMO_CONTRACTS = 1_000_000

/** Thrown for options a caller (CLI, seeding, demo insurer) got wrong; names the option. */
export class DemoOptionError extends Error {
  readonly code = 'demo_option_invalid'
  constructor(
    readonly option: keyof DemoOptions | 'index',
    message: string,
  ) {
    super(message)
    this.name = 'DemoOptionError'
  }
}

export function validateDemoOptions(options: DemoOptions): void {
  const { contracts, seed, now } = options
  if (
    !Number.isInteger(contracts) ||
    contracts < MIN_DEMO_CONTRACTS ||
    contracts > MAX_DEMO_CONTRACTS
  ) {
    throw new DemoOptionError(
      'contracts',
      `contracts は ${MIN_DEMO_CONTRACTS} 以上 1,000,000 以下の整数で指定してください（指定値: ${String(contracts)}） / ` +
        `contracts must be an integer from ${MIN_DEMO_CONTRACTS} to 1,000,000 (got ${String(contracts)})`,
    )
  }
  if (!Number.isSafeInteger(seed)) {
    throw new DemoOptionError(
      'seed',
      `seed は整数で指定してください（指定値: ${String(seed)}） / seed must be an integer (got ${String(seed)})`,
    )
  }
  if (!Number.isFinite(now) || now < 0) {
    throw new DemoOptionError(
      'now',
      `now はエポックからのミリ秒で指定してください / now must be epoch milliseconds (got ${String(now)})`,
    )
  }
}

export function validateDemoIndex(options: DemoOptions, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= options.contracts) {
    throw new DemoOptionError(
      'index',
      `index は 0 以上 ${options.contracts} 未満の整数で指定してください / ` +
        `index must be an integer from 0 to ${options.contracts - 1} (got ${String(index)})`,
    )
  }
}
