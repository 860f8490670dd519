import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { defaultDatabasePath } from '../main/core/paths'
import { startCore } from '../main/core/start-core'
import { createMemorySecretStore } from '../main/core/insurer/settings'
import { nodeDemoInsurerLauncher } from './demo-insurer-launcher'
import { startWebHost } from './server'

/**
 * `npm run web`: the same core and database code as the desktop app, served to a browser
 * on 127.0.0.1 (for machines without the Electron binary, tests and previews).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      db: { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
      'no-demo-insurer': { type: 'boolean', default: false },
      'demo-start': { type: 'string' },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `--port: ポート番号は 0〜65535 の整数です / must be an integer 0–65535 (got "${values.port}")`,
    )
  }
  const demoStart =
    values['demo-start'] === undefined ? undefined : Date.parse(values['demo-start'])
  if (demoStart !== undefined && Number.isNaN(demoStart)) {
    throw new Error(
      `--demo-start: ISO 8601 の日時を指定してください / must be an ISO 8601 date-time (got "${values['demo-start']}")`,
    )
  }
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }
  const databasePath = values.db ?? defaultDatabasePath()
  const core = await startCore({
    databasePath,
    version: pkg.version,
    seedDemoWhenEmpty: !values['no-seed'],
    ...(demoStart === undefined ? {} : { demoBookStartsAt: demoStart }),
    // No OS secret store outside Electron: a real insurer's secret cannot be kept here, so
    // the web host connects to real insurers only while its process lives (tests, previews).
    secrets: createMemorySecretStore(),
    syncWorkerScript: resolve(root, 'out/main/sync-worker.js'),
    demoInsurerLauncher: values['no-demo-insurer']
      ? null
      : nodeDemoInsurerLauncher(resolve(root, 'out/main/demo-insurer.js')),
  })
  const host = await startWebHost({
    handlers: core.handlers,
    staticDir: resolve(root, 'out/renderer'),
    port,
  })
  process.stdout.write(
    `更新デスク (web) を開いてください / Open Renewal Desk in your browser:\n  ${host.url}\n` +
      `database: ${databasePath}\n` +
      (core.insurers.demo ? `デモ保険会社 / demo insurer: ${core.insurers.demo.url}\n` : '') +
      // Invented per run, like the demo insurer's own console prints it: tests use it to put
      // the demo insurer through an outage (/admin/faults).
      (core.insurers.demo
        ? `デモ保険会社の管理トークン / demo insurer admin token: ${core.insurers.demo.adminToken}\n`
        : '') +
      'Ctrl+C で終了 / Ctrl+C to stop\n',
  )
  const stop = async () => {
    await host.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
