import { MAX_DEMO_CONTRACTS, MIN_DEMO_CONTRACTS } from '../demo-data/index'
import { DemoInsurerOptionError } from './faults'

/** Checks the numeric options of startDemoInsurer; each error names its option. */
export function validateOptions(o: {
  port: number
  contracts: number
  seed: number
  startAt: number
  speed: number
  changeRetention: number
}): void {
  const fail = (option: string, message: string): never => {
    throw new DemoInsurerOptionError(option, message)
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65_535)
    fail('port', 'port must be an integer from 0 to 65535')
  if (
    !Number.isInteger(o.contracts) ||
    o.contracts < MIN_DEMO_CONTRACTS ||
    o.contracts > MAX_DEMO_CONTRACTS
  ) {
    fail(
      'contracts',
      `contracts must be an integer from ${MIN_DEMO_CONTRACTS} to ${MAX_DEMO_CONTRACTS}`,
    )
  }
  if (!Number.isSafeInteger(o.seed)) fail('seed', 'seed must be an integer')
  if (!Number.isFinite(o.startAt) || o.startAt < 0)
    fail('startAt', 'startAt must be epoch milliseconds')
  if (!Number.isFinite(o.speed) || o.speed < 0 || o.speed > 1_000_000)
    fail('speed', 'speed must be from 0 to 1000000')
  if (!Number.isInteger(o.changeRetention) || o.changeRetention < 1) {
    fail('changeRetention', 'changeRetention must be a positive integer')
  }
}
