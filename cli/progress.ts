import type { CliIo } from './io'

const INTERVAL_MS = 500

/**
 * A throttled progress line on stderr (stdout stays clean for the summary): redrawn in
 * place on a terminal, one line per update when piped to a log.
 */
export function progressReporter(io: CliIo, label: string) {
  let last = 0
  let drawn = false
  return {
    update(done: number, total: number): void {
      const now = Date.now()
      if (done < total && now - last < INTERVAL_MS) return
      last = now
      const percent = Math.floor((done / total) * 100)
      const line = `${label}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${percent}%)`
      if (io.errIsTty) {
        io.err(`\r${line}`)
        drawn = true
      } else {
        io.err(`${line}\n`)
      }
    },
    finish(): void {
      if (drawn) io.err('\n')
    },
  }
}
