/** The demo book: one generator shared by seeding (app, CLI) and the demo insurer. */
export { demoContractAt, demoContracts } from './contract'
export { isCarrierAddress, CARRIER_MAIL_DOMAINS } from './contact'
export {
  DemoOptionError,
  MAX_DEMO_CONTRACTS,
  MIN_DEMO_CONTRACTS,
  validateDemoOptions,
} from './options'
export { isValidPolicyNumber } from './policy-number'
export { DEMO_INSURER_A, DEMO_INSURER_B, demoReferenceData } from './reference'
export {
  DEMO_SCENARIOS,
  SCENARIO_NAMES,
  SCENARIO_WEIGHTS,
  type DemoScenario,
  type ScenarioName,
} from './scenarios'
export type * from './types'
