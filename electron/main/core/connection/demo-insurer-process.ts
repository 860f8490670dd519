import { createInterface } from 'node:readline'
// NodeJS.ReadableStream covers both child_process and Electron utilityProcess pipes.
import { createLogger } from '../logger'

const log = createLogger('demo-insurer-process')

/**
 * The demo insurer is a separate program (demo-insurer/main.ts), never imported by the app:
 * the host starts it as a child — utilityProcess in Electron, child_process in the web host —
 * through this capability.
 */
export interface LaunchedProcess {
  stdout: NodeJS.ReadableStream | null
  kill(): void
  onExit(listener: (code: number | null) => void): void
}
export type ProcessLauncher = (args: string[]) => LaunchedProcess

/** The line demo-insurer/main.ts prints once it listens (`--ready-line`). */
export const READY_PREFIX = 'DEMO_INSURER_READY '

export interface DemoInsurerEndpoint {
  url: string
  clientId: string
  clientSecret: string
  /** The demo's per-run token for its /admin control panel (faults, clock); demo only. */
  adminToken: string
}

export interface RunningDemoInsurerProcess extends DemoInsurerEndpoint {
  stop(): void
}

export interface DemoInsurerLaunchOptions {
  contracts: number
  seed: number
  /** Simulated clock start, epoch ms: the same instant the local demo book was generated for. */
  startAt: number
  timeoutMs?: number
}

/** Starts the demo insurer on a free loopback port and resolves once it says where it listens. */
export function launchDemoInsurer(
  launch: ProcessLauncher,
  options: DemoInsurerLaunchOptions,
): Promise<RunningDemoInsurerProcess> {
  const child = launch([
    '--port',
    '0',
    '--contracts',
    String(options.contracts),
    '--seed',
    String(options.seed),
    '--start',
    new Date(options.startAt).toISOString(),
    '--ready-line',
  ])
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error('デモ保険会社が起動しませんでした / the demo insurer did not start in time'))
    }, options.timeoutMs ?? 30_000)
    child.onExit((code) => {
      clearTimeout(timer)
      reject(new Error(`デモ保険会社が終了しました / the demo insurer exited (code ${code})`))
    })
    if (!child.stdout) {
      clearTimeout(timer)
      reject(new Error('the demo insurer process has no stdout'))
      return
    }
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return
      clearTimeout(timer)
      const endpoint = JSON.parse(line.slice(READY_PREFIX.length)) as DemoInsurerEndpoint
      log.info('demo insurer ready', { endpoint: new URL(endpoint.url).host })
      resolve({ ...endpoint, stop: () => child.kill() })
    })
  })
}
