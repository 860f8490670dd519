import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, safeStorage, session } from 'electron'
import electronUpdater from 'electron-updater'
import { startCore, type RunningCore } from './core/start-core'
import { createLogger } from './core/logger'
import { utilityDemoInsurerLauncher } from './shell/demo-insurer-launcher'
import { registerContract } from './shell/ipc/register'
import { originOf } from './shell/ipc/validated-ipc'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './shell/protocol'
import { createSafeStorageSecretStore } from './shell/secret-store'
import { hardenSession } from './shell/security'
import { initAutoUpdater } from './shell/updater'
import { createMainWindow, preloadPathFrom } from './shell/window'

/**
 * Composition root: opens the database, builds the core and hands it to the shell.
 * Everything here is wiring; logic lives in core/ and shell/.
 */
const log = createLogger('main')
const mainDir = dirname(fileURLToPath(import.meta.url))
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined

registerAppScheme()

// Tests and portable setups point the app at another folder; the CLI and web host read the same variable.
if (process.env.RENEWAL_DESK_DATA_DIR) app.setPath('userData', process.env.RENEWAL_DESK_DATA_DIR)

/** In development the node_modules copy stays built for Node; Electron uses its own build. */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined
  const file = join(
    app.getAppPath(),
    '.native/electron/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  )
  return existsSync(file) ? file : undefined
}

let core: RunningCore | undefined

async function start(): Promise<void> {
  core = await startCore({
    databasePath: join(app.getPath('userData'), 'renewal-desk.sqlite'),
    nativeBinding: electronNativeBinding(),
    version: app.getVersion(),
    seedDemoWhenEmpty: true,
    secrets: createSafeStorageSecretStore(
      safeStorage,
      join(app.getPath('userData'), 'secrets.json'),
    ),
    demoInsurerLauncher: utilityDemoInsurerLauncher(join(mainDir, 'demo-insurer.js')),
    syncWorkerScript: join(mainDir, 'sync-worker.js'),
  })
  const trustedOrigins = [APP_ORIGIN, ...(devServerUrl ? [originOf(devServerUrl) ?? ''] : [])]
  registerContract(core.handlers, trustedOrigins)
  hardenSession(session.defaultSession)
  serveRenderer(join(mainDir, '../renderer'))
  createMainWindow({
    preloadPath: preloadPathFrom(mainDir),
    url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
  })
  initAutoUpdater({ updater: electronUpdater.autoUpdater, log, isPackaged: app.isPackaged })
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
})

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    log.error('start failed', { error: error instanceof Error ? error.name : 'unknown' })
    dialog.showErrorBox('更新デスクを起動できません / Renewal Desk cannot start', message)
    app.exit(1)
  })

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('activate', () => {
  if (core && BrowserWindow.getAllWindows().length === 0) {
    createMainWindow({
      preloadPath: preloadPathFrom(mainDir),
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
    })
  }
})

app.on('will-quit', () => {
  void core?.close()
})
