import { runCli } from './program'

/** `npm run cli -- <command>`: see cli/commands/ for the commands. */
process.exitCode = await runCli(process.argv)
