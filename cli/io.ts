/** Where commands write; tests and the real process differ only here. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Whether stderr is a terminal (progress can redraw one line). */
  errIsTty: boolean
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: Boolean(process.stderr.isTTY),
}

/** An expected failure: its message (Japanese / English) is shown as is, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** Ends the command with an exit code after it already printed what went wrong. */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`)
    this.name = 'CliExit'
  }
}
