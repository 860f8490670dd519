import type { Command } from 'commander'
import type { CliIo } from '../io'
import { registerContracts } from './contracts'
import { registerDoctor } from './doctor'
import { registerOutbox } from './outbox'
import { registerSeedDemo } from './seed-demo'
import { registerSync } from './sync'

/** One file per command; adding a command is that file plus one line here. */
export type RegisterCommand = (program: Command, io: CliIo) => void

export const CLI_COMMANDS: readonly RegisterCommand[] = [
  registerSeedDemo,
  registerDoctor,
  registerSync,
  registerOutbox,
  registerContracts,
]
