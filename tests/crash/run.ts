import { parseArgs } from 'node:util'
import { runCrashHarness } from './harness'

/** `npm run test:crash -- --kills 500`: the long version of the crash-safety harness. */
const { values } = parseArgs({
  options: { kills: { type: 'string', default: '100' }, seed: { type: 'string', default: '7' } },
})
const kills = Number(values.kills)
if (!Number.isInteger(kills) || kills < 1 || kills > 10_000) {
  process.stderr.write('--kills: an integer from 1 to 10,000\n')
  process.exit(2)
}
const result = await runCrashHarness({
  kills,
  seed: Number(values.seed),
  log: (line) => process.stderr.write(`${line}\n`),
})
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
const converged = result.insurers.every((i) => i.equal)
process.stdout.write(
  `crash harness: ${result.kills} kills, ${result.integrityChecks} integrity checks ok, cache ${converged ? 'equals' : 'DIFFERS FROM'} the insurer, ${result.acceptedAtInsurer}/${result.plannedReissues} reissues accepted exactly once, ${result.seconds} s\n`,
)
process.exit(converged ? 0 : 1)
