import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface SpawnedWebHost {
  url: string
  dataDir: string
  /** The demo insurer the host started and its admin token, as it printed them (else null). */
  demoInsurer(): { url: string; adminToken: string } | null
  stop(): Promise<void>
}

const ROOT = resolve(import.meta.dirname, '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

/**
 * Starts the real `npm run web` entry (built renderer + core + SQLite) on a fresh
 * database in a temp folder, and resolves with the URL it prints.
 */
export async function spawnWebHost(
  extraArgs: string[] = [],
  timeoutMs = 60_000,
): Promise<SpawnedWebHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'renewal-desk-e2e-'))
  const child: ChildProcess = spawn(
    TSX,
    [
      'electron/web/index.ts',
      '--port',
      '0',
      '--db',
      join(dataDir, 'e2e.sqlite'),
      // 10:00 JST: the demo insurer's simulated clock is outside its 04:00–06:00 closure
      // whatever time the tests run.
      '--demo-start',
      '2026-11-23T10:00:00+09:00',
      ...extraArgs,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, RENEWAL_DESK_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web host did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    dataDir,
    demoInsurer: () => {
      const demoUrl = /demo insurer: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      const adminToken = /demo insurer admin token: ([\w-]+)/.exec(output)?.[1]
      return demoUrl && adminToken ? { url: demoUrl, adminToken } : null
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
