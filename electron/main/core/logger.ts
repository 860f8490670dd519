/**
 * One logger per module, JSON lines on stderr. Personal data (names, addresses, birth
 * dates, phones, emails) must never be logged: callers pass ids and codes only, and as a
 * second line of defence any field whose name suggests personal data is masked.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

export type LogSink = (line: string) => void

const PERSONAL_FIELD = /name|kana|address|postcode|phone|tel|mail|birth|plate/i
const LEVELS = ['debug', 'info', 'warn', 'error'] as const
type Level = (typeof LEVELS)[number]

function minimumLevel(): Level {
  const wanted = process.env.RENEWAL_DESK_LOG_LEVEL
  return LEVELS.includes(wanted as Level) ? (wanted as Level) : 'info'
}

let sink: LogSink = (line) => process.stderr.write(`${line}\n`)

/** Tests capture log output through this. */
export function setLogSink(next: LogSink): void {
  sink = next
}

export function maskPersonalFields(fields: LogFields | undefined): LogFields {
  const out: LogFields = {}
  for (const [key, value] of Object.entries(fields ?? {})) {
    out[key] = PERSONAL_FIELD.test(key) ? '[masked]' : value
  }
  return out
}

export function createLogger(module: string): Logger {
  const threshold = LEVELS.indexOf(minimumLevel())
  const write = (level: Level, message: string, fields?: LogFields) => {
    if (LEVELS.indexOf(level) < threshold) return
    sink(
      JSON.stringify({
        at: new Date().toISOString(),
        level,
        module,
        message,
        ...maskPersonalFields(fields),
      }),
    )
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  }
}
