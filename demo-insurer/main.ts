import { toJstIso } from '../electron/common/domain/japan-time'
import { CliError, parseCli, USAGE } from './cli-args'
import { DemoInsurerOptionError, startDemoInsurer, type RunningDemoInsurer } from './server'

/** What the app's launcher waits for (electron/main/core/connection/demo-insurer-process.ts). */
const READY_PREFIX = 'DEMO_INSURER_READY '

/**
 * `npm run demo-insurer -- …`: the demo insurer as a program. Prints the demo credentials
 * (invented, per run — fine to show) and a line per simulated day with counts only.
 */
async function main(): Promise<void> {
  let parsed
  try {
    parsed = parseCli(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof CliError)) throw error
    console.error(`demo-insurer: ${error.message}\n${USAGE}`)
    process.exit(2)
  }
  let insurer: RunningDemoInsurer
  try {
    insurer = await startDemoInsurer(parsed.options)
  } catch (error) {
    if (!(error instanceof DemoInsurerOptionError)) throw error
    console.error(`demo-insurer: ${error.option}: ${error.message}\n${USAGE}`)
    process.exit(2)
  }
  if (parsed.readyLine) {
    const { url, clientId, clientSecret, adminToken } = insurer
    console.log(READY_PREFIX + JSON.stringify({ url, clientId, clientSecret, adminToken }))
  }
  console.log(`Demo insurer listening on ${insurer.url}`)
  console.log(`  client id:     ${insurer.clientId}`)
  console.log(`  client secret: ${insurer.clientSecret}`)
  console.log(`  admin token:   ${insurer.adminToken}  (header x-demo-admin-token for /admin/*)`)
  console.log(
    `  book: ${parsed.options.contracts} contracts, seed ${parsed.options.seed}; clock ${toJstIso(insurer.now())}`,
  )
  reportDays(insurer)

  const stop = () => {
    void insurer.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

interface AdminState {
  contracts: { total: number; changed: number }
  feed: { lastSeq: number }
  events: Record<string, number>
  reissues: { accepted: number; completed: number; failed: number }
}

/** One line per simulated day (JST), from /admin/state — counts, never contract data. */
function reportDays(insurer: RunningDemoInsurer): void {
  let day = toJstIso(insurer.now()).slice(0, 10)
  let previous: Record<string, number> = {}
  const timer = setInterval(() => {
    const today = toJstIso(insurer.now()).slice(0, 10)
    if (today === day) return
    const ended = day
    day = today
    fetch(`${insurer.url}/admin/state`, { headers: { 'x-demo-admin-token': insurer.adminToken } })
      .then((r) => r.json() as Promise<AdminState>)
      .then((s) => {
        const before = previous
        const delta = (type: string) => (s.events[type] ?? 0) - (before[type] ?? 0)
        previous = s.events
        console.log(
          `[${ended} JST] renewed +${delta('renewal.completed')} lapsed +${delta('lapsed')} ` +
            `steps +${delta('step.reached')} bounces +${delta('id_mail.bounced') + delta('password_mail.bounced')} · ` +
            `changed ${s.contracts.changed}/${s.contracts.total} · feed seq ${s.feed.lastSeq} · ` +
            `reissues ${s.reissues.accepted} open, ${s.reissues.completed} done, ${s.reissues.failed} failed`,
        )
      })
      .catch(() => console.error('demo-insurer: could not read /admin/state for the daily summary'))
  }, 1000)
  timer.unref()
}

// Not top-level await: the app's build bundles this file as a separate entry.
main().catch((error: unknown) => {
  console.error(`demo-insurer: ${error instanceof Error ? error.name : 'error'} while starting`)
  process.exit(1)
})
